// Open a page in Debian's headless Chromium (puppeteer-core from .build/node), wait for its MapLibre map to be idle,
// take a screenshot and print what happened as one JSON line: page errors, console errors and warnings, every
// request (those leaving 127.0.0.1 are aborted as well as listed), failed requests, and the map's view.
//   node open_page.js '{"url": "...", "screenshot": "/tmp/x.png", "width": 512, "height": 512}'
"use strict";
const puppeteer = require("puppeteer-core");

async function main() {
  const options = JSON.parse(process.argv[2]);
  const report = {pageErrors: [], console: [], requests: [], outside: [], failed: [], view: null};
  // As root Chromium needs --no-sandbox; WebGL has no GPU here: SwiftShader through ANGLE.
  const browser = await puppeteer.launch({
    executablePath: options.chromium || "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-gpu-sandbox",
           "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
           "--disable-component-update", "--disable-domain-reliability", "--disable-sync"]
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({width: options.width || 512, height: options.height || 512, deviceScaleFactor: options.pixelRatio || 1});
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      report.requests.push(url);
      const local = url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("file:");
      const host = local ? "127.0.0.1" : new URL(url).hostname;
      if (host !== "127.0.0.1") {
        report.outside.push(url);
        request.abort();
      } else {
        request.continue();
      }
    });
    page.on("requestfailed", (request) => report.failed.push(request.url() + " " + request.failure().errorText));
    page.on("response", (response) => {
      if (response.status() >= 400) {
        report.failed.push(response.url() + " HTTP " + response.status());
      }
    });
    page.on("pageerror", (error) => report.pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warn" || message.type() === "warning") {
        report.console.push(message.type() + ": " + message.text());
      }
    });
    if (options.language) {  // the page's language as a browser set to it gives it
      await page.evaluateOnNewDocument((language) => {
        Object.defineProperty(navigator, "language", {get: () => language});
      }, options.language);
    }
    await page.goto(options.url, {waitUntil: "load", timeout: 60000});
    if (options.waitMessage) {  // a page that fails to draw: its message box shown, within the timeout
      await page.waitForFunction("!document.getElementById('message').hidden", {timeout: options.timeout || 60000})
        .catch(() => report.pageErrors.push("no message was shown"));
    }
    try {
      if (options.noMap) {
        throw new Error("no map asked for");
      }
      // window.map is the page's <div id="map"> until the MapLibre map replaces it.
      await page.waitForFunction("window.map && typeof window.map.loaded === 'function'",
                                 {timeout: options.timeout || 60000});
      await page.evaluate(() => new Promise((resolve) => {
        if (window.map.loaded() && window.map.areTilesLoaded() && !window.map.isMoving()) {
          resolve();
        } else {
          window.map.once("idle", resolve);
        }
      }));
      if (options.select) {  // the page's style picker: the new style drawn, its tiles loaded
        await page.evaluate(() => {
          window.map.once("style.load", () => window.map.once("idle", () => { window.switched = true; }));
        });
        await page.select("#styles", options.select);
        await page.waitForFunction("window.switched === true", {timeout: options.timeout || 60000});
      }
      report.view = await page.evaluate(() => {
        const bounds = window.map.getBounds();
        const center = window.map.getCenter();
        return {center: [center.lng, center.lat], zoom: window.map.getZoom(),
                bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
                attribution: (document.querySelector(".maplibregl-ctrl-attrib-inner") || {}).textContent || ""};
      });
    } catch (error) {
      if (!options.noMap) {
        report.pageErrors.push("no map became idle: " + error.message);
      }
    }
    report.message = await page.evaluate(() => {
      const box = document.getElementById("message");
      return box && !box.hidden ? box.textContent : "";
    });
    if (options.screenshot) {
      await page.screenshot({path: options.screenshot});
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
