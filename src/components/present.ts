/** One slide: a heading and either a big figure with a line of context, or a chart. */
export interface Slide {
  title: string;
  figure?: string;
  context?: string;
  svg?: string;
}

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
  const close = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    root.remove();
    opener?.focus();
  };
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

const PRESENT_STYLE = `
.present { position: fixed; inset: 0; z-index: 1000; background: #111; color: #fff; padding: 5vh 6vw; display: flex; flex-direction: column; justify-content: center; font-family: Helvetica, Arial, sans-serif; }
.present h1 { font-size: 5vh; margin: 0 0 3vh; color: #fff; max-width: none; }
.present-figure { font-size: 14vh; font-weight: bold; margin: 0; color: #ffd166; max-width: none; }
.present-context { font-size: 3.2vh; max-width: 80vw; line-height: 1.4; }
.present-chart { background: #fff; padding: 2vh; border-radius: 8px; max-height: 60vh; }
.present-chart svg { width: 100%; height: auto; max-height: 56vh; }
.present-counter { position: absolute; bottom: 2vh; right: 3vw; font-size: 1.8vh; color: #aaa; }`;
