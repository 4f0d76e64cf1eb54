import type { Slide } from "../lib/memo/slides.js";


/**
 * Full-screen slides for a client meeting, one point per slide: → or space for the next,
 * ← for the previous, Esc to leave. Large type, high contrast, readable on a projector.
 */
export function presentation(slides: readonly Slide[]): HTMLElement {
  const root = document.createElement("div");
  // The deck carries its own styles: a page's <style> block cannot interpolate them.
  const style = document.createElement("style");
  style.textContent = PRESENT_STYLE;
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  root.className = "present";
  root.tabIndex = 0;
  root.setAttribute("role", "dialog");
  root.setAttribute("aria-modal", "true");
  root.setAttribute("aria-label", "Presentation");
  let index = 0;
  const render = () => {
    const slide = slides[index]!;
    root.replaceChildren(style);
    const h = document.createElement("h1");
    h.textContent = slide.title;
    root.append(h);
    if (slide.figure) {
      const big = document.createElement("p");
      big.className = "present-figure";
      big.textContent = slide.figure;
      root.append(big);
    }
    if (slide.svg) {
      const chart = document.createElement("div");
      chart.className = "present-chart";
      chart.innerHTML = slide.svg; // our own chart markup, built from escaped text
      root.append(chart);
    }
    if (slide.context) {
      const p = document.createElement("p");
      p.className = "present-context";
      p.textContent = slide.context;
      root.append(p);
    }
    const counter = document.createElement("p");
    counter.className = "present-counter";
    counter.textContent = `${index + 1} / ${slides.length} · ← → to move, Esc to leave`;
    root.append(counter);
  };
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    root.remove();
    // Back to the button that opened the deck, if it is still on the page.
    if (opener?.isConnected) opener.focus();
  };
  // In full screen the browser takes Esc to leave full screen and the page never sees the key:
  // leaving full screen then leaves the deck too, so one Esc is enough.
  root.addEventListener("fullscreenchange", () => {
    if (document.fullscreenElement !== root) close();
  });
  root.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight" || event.key === " " || event.key === "PageDown") index = Math.min(slides.length - 1, index + 1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") index = Math.max(0, index - 1);
    else if (event.key === "Escape") return close();
    else return;
    event.preventDefault();
    render();
  });
  render();
  return root;
}

/**
 * Light text on a dark slide, at least 7:1; charts (drawn by Plot for a white page, their text in
 * currentColor) sit on a light panel with dark text, so their labels and ticks read as they do on
 * the page. Type scales with the smaller of the screen's width and height, so a slide fits a
 * projector (1366×768) and a phone (390×844) without cutting anything off.
 */
const PRESENT_STYLE = `
.present { position: fixed; inset: 0; z-index: 1000; box-sizing: border-box; background: #111; color: #fff; color-scheme: dark; padding: 5vh 6vw 9vh; display: flex; flex-direction: column; justify-content: safe center; overflow: auto; font-family: Helvetica, Arial, sans-serif; }
.present:focus { outline: none; }
.present *, .present *::before, .present *::after { box-sizing: border-box; }
.present h1 { font-size: min(5vh, 7vw); line-height: 1.15; margin: 0 0 3vh; color: #fff; max-width: none; overflow-wrap: anywhere; }
.present-figure { font-size: min(14vh, 11vw); line-height: 1.1; font-weight: bold; margin: 0; color: #ffd166; max-width: none; overflow-wrap: anywhere; }
.present-context { font-size: min(3.2vh, 4.4vw); max-width: min(100%, 60em); line-height: 1.4; margin: 3vh 0 0; color: #fff; overflow-wrap: anywhere; }
.present-chart { flex: 0 1 auto; min-height: 0; max-width: 100%; max-height: 62vh; background: #fff; color: #1a1a1a; color-scheme: light; padding: 2vh; border-radius: 8px; overflow: hidden; }
.present-chart svg { display: block; width: 100%; height: auto; max-width: 100%; max-height: calc(62vh - 4vh); margin: 0 auto; color: #1a1a1a; }
.present-counter { position: absolute; bottom: 2vh; right: 3vw; left: 3vw; margin: 0; text-align: right; font-size: max(12px, min(1.8vh, 3.4vw)); line-height: 1.3; color: #bbb; max-width: none; }`;
