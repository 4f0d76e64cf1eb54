/**
 * Watches a page for what a user must never see or suffer: script errors, console errors,
 * failed or refused requests, and any request to a host other than the site's own (which is
 * aborted before it leaves and recorded).
 */
import type { BrowserContext, Page } from "playwright-core";

export interface PageReport {
  errors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/** Routes every request through a check: only the site's origin (and data:/blob:) may load. */
export async function guardOrigin(context: BrowserContext, origin: string, foreign: string[]): Promise<void> {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
}

export function watchPage(page: Page, origin: string): PageReport {
  const report: PageReport = { errors: [], failedRequests: [], foreignRequests: [] };
  page.on("pageerror", (error) => report.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") report.errors.push(`console error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => {
    if (request.url().startsWith(origin)) report.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) report.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return report;
}
