// Newsreel UI: light progressive enhancement. Every page works without this file.
"use strict";

const PALETTE = ["#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0f766e",
  "#a16207", "#be185d", "#4d7c0f", "#334155"];

function drawCharts() {
  if (typeof Chart === "undefined") return;
  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    const data = JSON.parse(source.textContent);
    const kind = canvas.dataset.kind || "line";
    const datasets = data.datasets.map((d, i) => ({
      label: d.label,
      data: d.data,
      borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length],
      borderWidth: 2,
      pointRadius: data.labels.length > 60 ? 0 : 3,
      tension: 0.2,
      spanGaps: true,
    }));
    canvas.chart = new Chart(canvas, {
      type: kind,
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          y: { beginAtZero: true, stacked: kind === "bar", title: { display: true, text: data.measure } },
          x: { stacked: kind === "bar" },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
    canvas.dataset.ready = "true";
  });
}

function rawToggle() {
  const links = document.querySelectorAll(".toggle a[data-show]");
  links.forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const show = link.dataset.show;
      ["repaired", "raw"].forEach((id) => {
        const el = document.getElementById(id);
        if (el) el.hidden = id !== show;
      });
      links.forEach((other) => other.classList.toggle("on", other === link));
      history.replaceState(null, "", "?view=" + show + location.hash);
    });
  });
}

function jumpToTime() {
  const params = new URLSearchParams(location.search);
  const t = params.get("t");
  if (t === null || location.hash) return;
  let best = null;
  document.querySelectorAll(".para").forEach((p) => {
    const time = p.querySelector(".time");
    if (!time) return;
    const [m, s] = time.textContent.split(":").map(Number);
    if (m * 60 + s <= Number(t)) best = p;
  });
  if (best) { best.classList.add("here"); best.scrollIntoView({ block: "center" }); }
}

document.addEventListener("DOMContentLoaded", () => {
  drawCharts();
  rawToggle();
  jumpToTime();
});
