import { expect, test } from "@jupyterlab/galata";
import { KERNEL_NAME, screenshot } from "./helpers";

// JupyterLab started as `npm start` starts it: the project's kernel is offered in the launcher, first, and is the
// default; a new notebook gets it without asking, and it runs under the Node that set the project up.
test("the launcher lists the project kernel first, it is the default, and a new notebook runs on it", async ({
  page,
}) => {
  const specs = await page.evaluate(async () => {
    const manager = (window as any).jupyterapp.serviceManager.kernelspecs;
    await manager.ready;
    return { default: manager.specs.default, names: Object.keys(manager.specs.kernelspecs) };
  });
  expect(specs.default).toBe(KERNEL_NAME);
  expect(specs.names).toContain(KERNEL_NAME);

  const cards = page.locator(
    '.jp-Launcher-section:has(.jp-Launcher-sectionTitle:text-is("Notebook")) .jp-LauncherCard',
  );
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toHaveAttribute("title", /nn-knobs/);
  await screenshot(page, "launcher-1-cards");

  await cards.first().click();
  await page.waitForFunction(
    () => (window as any).jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === "idle",
    undefined,
    { timeout: 60_000 },
  );
  const kernel = await page.evaluate(
    () => (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel.name,
  );
  expect(kernel).toBe(KERNEL_NAME);
  await page.notebook.setCell(0, "code", "console.log(`node ${process.version}`);");
  await page.notebook.runCell(0);
  // The kernel runs under the Node that ran kernel-setup/start.js (the webServer command uses this very Node).
  expect((await page.notebook.getCellTextOutput(0))?.join("")).toContain(`node ${process.version}`);
  await screenshot(page, "launcher-2-new-notebook");
});
