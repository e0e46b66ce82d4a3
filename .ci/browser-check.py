#!/usr/bin/env python3
"""Loads pages of a running `vitrine serve` in a real browser (Debian's chromium through chromium-driver and
Selenium), saves a screenshot of each, and fails on any console error or failed request.

usage: browser-check.py BASE_URL SCREENSHOT_DIR PATH...
Every PATH is loaded at two widths (a desktop and a phone); the screenshots are named after the path and width.
Prints a count of clean page views and of those with problems as its last line.
"""
import json
import os
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

WIDTHS = [(1280, 900, "desktop"), (390, 844, "phone")]


def make_driver():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def problems_of(driver):
    """Console errors, and requests that failed or answered 4xx/5xx, since the last call."""
    found = []
    for entry in driver.get_log("browser"):
        if entry.get("level") in ("SEVERE", "ERROR"):
            found.append("console: " + entry.get("message", ""))
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.responseReceived":
            response = params.get("response", {})
            if response.get("status", 0) >= 400:
                found.append(f"request: {response.get('url')} answered {response.get('status')}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            found.append(f"request failed: {params.get('errorText')} ({params.get('type')})")
    return found


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    base, shots, paths = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
    os.makedirs(shots, exist_ok=True)
    driver = make_driver()
    passed = failed = 0
    try:
        for path in paths:
            for width, height, label in WIDTHS:
                driver.set_window_size(width, height)
                driver.get(base + path)
                problems = problems_of(driver)
                title = driver.title
                if not title:
                    problems.append("the page has no title")
                name = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "root"
                driver.save_screenshot(os.path.join(shots, f"{name}-{label}.png"))
                if problems:
                    failed += 1
                    print(f"FAIL {path} ({label}):")
                    for problem in problems:
                        print(f"  {problem}")
                else:
                    passed += 1
                    print(f"ok   {path} ({label}): {title}")
    finally:
        driver.quit()
    print(f"browser check: {passed} page views clean, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
