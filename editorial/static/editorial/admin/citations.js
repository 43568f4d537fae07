// The "citation" rich text feature: cite one of the page's sources as "[n]".
// Plain JS on what Wagtail exposes (React, Draft.js, Draftail); no build step.
(() => {
  const React = window.React;
  const { EditorState, Modifier, SelectionState } = window.DraftJS;
  const h = React.createElement;
  const TYPE = "CITATION";
  let dialogs = 0;

  // Sources change outside the editor (typed, added, deleted, moved): citations shown in the
  // text look again after any such interaction, and once the whole form is set up.
  const watchers = new Set();
  let pending = false;
  function sourcesMayHaveChanged() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      watchers.forEach((watcher) => watcher());
    });
  }
  ["input", "change", "click"].forEach((type) =>
    document.addEventListener(type, sourcesMayHaveChanged, true),
  );
  window.addEventListener("load", sourcesMayHaveChanged);

  // The page's sources as the edit form holds them now, numbered in their order.
  // null when the page has no Sources field.
  function pageSources() {
    const count = document.querySelector('input[name="sources-count"]');
    if (!count) return null;
    const form = count.form || document;
    const field = (prefix, name) => form.querySelector(`[name="${prefix}-${name}"]`);
    const sources = [];
    form.querySelectorAll('input[name^="sources-"][name$="-id"]').forEach((input) => {
      const prefix = input.name.slice(0, -"-id".length);
      if (!/^sources-\d+$/.test(prefix)) return;
      const deleted = field(prefix, "deleted");
      if (deleted && deleted.value) return;
      const order = field(prefix, "order");
      const title = field(prefix, "value-title");
      const publisher = field(prefix, "value-publisher");
      const year = field(prefix, "value-year");
      sources.push({
        id: input.value,
        order: order ? Number(order.value) : sources.length,
        title: (title && title.value.trim()) || "(no title yet)",
        publisher: publisher ? publisher.value.trim() : "",
        year: year ? year.value.trim() : "",
      });
    });
    sources.sort((a, b) => a.order - b.order);
    return sources.map((source, index) => ({ ...source, number: index + 1 }));
  }

  function describe(source) {
    const details = [source.publisher, source.year].filter(Boolean).join(", ");
    return details ? `${source.title} (${details})` : source.title;
  }

  // Where the entity `entityKey` sits in the text, as a selection.
  function rangeOf(content, entityKey) {
    let range = null;
    content.getBlockMap().forEach((block) => {
      if (range) return;
      block.findEntityRanges(
        (character) => character.getEntity() === entityKey,
        (start, end) => {
          range = range || SelectionState.createEmpty(block.getKey()).merge({
            anchorOffset: start,
            focusOffset: end,
          });
        },
      );
    });
    return range;
  }

  // Draftail's source: a dialog listing the page's sources; choosing one inserts "[n]"
  // (or, on an existing citation, replaces it).
  class CitationSource extends React.Component {
    constructor(props) {
      super(props);
      this.dialog = React.createRef();
      this.headingId = `citation-dialog-${(dialogs += 1)}`;
      this.sources = pageSources();
      const { entity, entityKey } = props;
      this.editing = Boolean(entity && entityKey && entity.getType() === TYPE);
      this.current = this.editing ? entity.getData().source : null;
      this.onCancel = this.onCancel.bind(this);
    }

    componentDidMount() {
      const dialog = this.dialog.current;
      dialog.addEventListener("cancel", this.onCancel);
      dialog.showModal();
    }

    componentWillUnmount() {
      const dialog = this.dialog.current;
      dialog.removeEventListener("cancel", this.onCancel);
      if (dialog.open) dialog.close();
    }

    onCancel(event) {
      event.preventDefault();
      this.props.onClose();
    }

    target(content) {
      const { editorState, entityKey } = this.props;
      if (this.editing) {
        const range = rangeOf(content, entityKey);
        if (range) return range;
      }
      // After any selected words, never instead of them.
      const selection = editorState.getSelection();
      return selection.merge({
        anchorKey: selection.getEndKey(),
        anchorOffset: selection.getEndOffset(),
        focusKey: selection.getEndKey(),
        focusOffset: selection.getEndOffset(),
        isBackward: false,
      });
    }

    cite(source) {
      const { editorState, entityType, onComplete } = this.props;
      let content = editorState.getCurrentContent();
      const selection = this.target(content);
      content = content.createEntity(entityType.type, "IMMUTABLE", { source: source.id });
      const entityKey = content.getLastCreatedEntityKey();
      content = Modifier.replaceText(content, selection, `[${source.number}]`, null, entityKey);
      const next = EditorState.push(editorState, content, "insert-characters");
      onComplete(EditorState.forceSelection(next, content.getSelectionAfter()));
    }

    remove() {
      const { editorState, entityKey, onComplete } = this.props;
      const content = editorState.getCurrentContent();
      const range = rangeOf(content, entityKey);
      if (!range) return;
      const next = Modifier.removeRange(content, range, "backward");
      onComplete(EditorState.push(editorState, next, "remove-range"));
    }

    renderSources() {
      if (this.sources === null) {
        return h("p", null, "This page has no Sources field, so there is nothing to cite.");
      }
      if (this.sources.length === 0) {
        return h(
          "p",
          null,
          "This page has no sources yet. Add one in the Sources field first, then cite it here.",
        );
      }
      return [
        h("p", { key: "help" }, "Choose the source this passage is based on."),
        h(
          "ol",
          { key: "list", className: "citation-dialog__sources" },
          this.sources.map((source) =>
            h(
              "li",
              { key: source.id },
              h(
                "button",
                {
                  type: "button",
                  className: "citation-dialog__source",
                  "aria-current": source.id === this.current ? "true" : null,
                  onClick: () => this.cite(source),
                },
                h("span", { className: "citation-dialog__number" }, `[${source.number}]`),
                " ",
                describe(source),
                source.id === this.current &&
                  h("span", { className: "citation-dialog__current" }, " (cited here now)"),
              ),
            ),
          ),
        ),
      ];
    }

    render() {
      // In the page's body: the editor it opens from ignores the pointer while it is open.
      return window.ReactDOM.createPortal(this.renderDialog(), document.body);
    }

    renderDialog() {
      return h(
        "dialog",
        {
          ref: this.dialog,
          className: "citation-dialog",
          "aria-labelledby": this.headingId,
        },
        h("h2", { id: this.headingId, className: "citation-dialog__heading" }, "Cite a source"),
        this.renderSources(),
        h(
          "div",
          { className: "citation-dialog__actions" },
          this.editing &&
            h(
              "button",
              {
                type: "button",
                className: "button button-secondary no",
                onClick: () => this.remove(),
              },
              "Remove citation",
            ),
          h(
            "button",
            {
              type: "button",
              className: "button button-secondary",
              onClick: () => this.props.onClose(),
            },
            "Cancel",
          ),
        ),
      );
    }
  }

  // Shows a citation in the text: superscript, with its source as a tooltip.
  function Citation(props) {
    const { entityKey, contentState, decoratedText, children } = props;
    const id = contentState.getEntity(entityKey).getData().source;
    const [, refresh] = React.useState(0);
    React.useEffect(() => {
      const watcher = () => refresh((n) => n + 1);
      watchers.add(watcher);
      sourcesMayHaveChanged();
      return () => watchers.delete(watcher);
    }, []);
    const source = (pageSources() || []).find((candidate) => candidate.id === id);
    let className = "citation-mark";
    let title;
    if (!source) {
      className += " citation-mark--missing";
      title =
        "Its source is no longer in Sources: remove this citation or add the source back.";
    } else {
      title = `Source ${source.number}: ${describe(source)}`;
      if (decoratedText !== `[${source.number}]`) {
        title += `. Readers see [${source.number}]: numbers follow the Sources list.`;
      }
    }
    return h(
      "sup",
      {
        className,
        title,
        "data-citation": id,
      },
      children,
    );
  }

  window.draftail.registerPlugin({ type: TYPE, source: CitationSource, decorator: Citation });
})();
