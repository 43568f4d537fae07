// Lighthouse's SEO and best-practices reports on each URL given, one after another in one
// Chromium (CHROME_PATH): starting Lighthouse and a browser for each URL took two thirds of
// the time. Prints {url: report} as JSON.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", "--no-sandbox"],
});
const reports = {};
try {
  for (const url of process.argv.slice(2)) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["seo", "best-practices"],
      disableFullPageScreenshot: true, // only the HTML report shows it
    });
    reports[url] = JSON.parse(result.report);
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(reports));
