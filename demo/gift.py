"""The newsletter's free gift, "Top 10 Tips for Managing Your Back Pain", as a PDF made here
(written for this project; no downloads)."""

from fpdf import FPDF

TITLE = "Top 10 Tips for Managing Your Back Pain"
INTRO = (
    "Most back pain is not caused by anything serious, and most of it eases with time and "
    "simple care. These are the ten things I find help my patients most. They are general "
    "advice: if you are unsure what is wrong, or the pain is severe, see your GP or a "
    "physiotherapist."
)
TIPS = [
    (
        "Keep moving",
        "Gentle movement helps a sore back recover. Long rest in bed tends to make "
        "it stiffer and slower to settle. Walk little and often, and build up a bit each day.",
    ),
    (
        "Carry on with daily life",
        "Keep to your routine as far as you can, including work, "
        "with changes to your tasks if needed. Staying active is part of getting better.",
    ),
    (
        "Use heat or cold",
        "A wrapped heat pack can ease tight muscles; some people prefer a "
        "wrapped cold pack. Use either for up to twenty minutes, never straight on the skin.",
    ),
    (
        "Break up sitting",
        "Get up and move every twenty to thirty minutes. Set your chair so "
        "your feet rest flat and the screen is at eye level.",
    ),
    (
        "Ask about pain relief",
        "Your pharmacist or GP can tell you which painkillers are "
        "suitable for you and how to take them safely.",
    ),
    (
        "Find a comfortable position to rest",
        "Lie on your side with a pillow between your "
        "knees, or on your back with pillows under your knees.",
    ),
    (
        "Lift with care",
        "Keep the load close, bend your knees, keep your back straight and "
        "turn with your feet rather than twisting.",
    ),
    (
        "Build strength over time",
        "Once the worst has passed, regular exercise such as "
        "walking, swimming or Pilates helps keep your back strong. Stop anything that makes the "
        "pain much worse.",
    ),
    (
        "Look after sleep and stress",
        "Poor sleep and worry make pain feel worse. A regular "
        "bedtime, a supportive mattress and time to relax all help.",
    ),
    (
        "Know when to get help",
        "See your GP if the pain is not improving after a few weeks, "
        "keeps you from sleeping, or spreads down a leg with numbness or weakness.",
    ),
]
EMERGENCY = (
    "Get help straight away if you have back pain with loss of bladder or bowel control, "
    "numbness around your genitals or bottom, weakness in both legs, or after a serious fall "
    "or accident."
)
FOOTER = (
    "Manage Back Pain. General information only: it does not replace advice from your doctor "
    "or another qualified health professional."
)
# Each block of text starts on a new line at the left margin.
NEXT_LINE = {"new_x": "LMARGIN", "new_y": "NEXT"}
TEAL = (11, 92, 107)
INK = (29, 43, 54)


class Leaflet(FPDF):
    def footer(self):
        self.set_y(-18)
        self.set_font("Helvetica", size=8)
        self.set_text_color(*INK)
        self.multi_cell(0, 4, FOOTER, align="C", **NEXT_LINE)


def gift_pdf():
    """The leaflet as PDF bytes."""
    pdf = Leaflet(format="A4")
    pdf.set_title(TITLE)
    pdf.set_author("Manage Back Pain")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=25)
    pdf.add_page()
    pdf.set_text_color(*TEAL)
    pdf.set_font("Helvetica", style="B", size=22)
    pdf.multi_cell(0, 10, TITLE, **NEXT_LINE)
    pdf.ln(3)
    pdf.set_text_color(*INK)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, INTRO, **NEXT_LINE)
    for number, (heading, text) in enumerate(TIPS, start=1):
        pdf.ln(2.5)
        pdf.set_font("Helvetica", style="B", size=12.5)
        pdf.set_text_color(*TEAL)
        pdf.multi_cell(0, 7, f"{number}. {heading}", **NEXT_LINE)
        pdf.set_text_color(*INK)
        pdf.set_font("Helvetica", size=10.5)
        pdf.multi_cell(0, 5.5, text, **NEXT_LINE)
    pdf.ln(5)
    pdf.set_draw_color(166, 58, 38)
    pdf.set_line_width(0.8)
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.multi_cell(0, 6, EMERGENCY, border=1, **NEXT_LINE)
    return bytes(pdf.output())
