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
      pointHoverRadius: 5,
      tension: 0.2,
      spanGaps: data.spanGaps !== false,
      videos: d.videos,
      links: d.links,
    }));
    const videosOf = (item) => {
      const counts = (item.dataset.videos || [])[item.dataIndex];
      return counts ? counts[0] + " of " + counts[1] + " videos" : "";
    };
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
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { afterLabel: videosOf } },
        },
        onClick: (event, elements, chart) => {
          // A point's videos: the search (or entity, story) behind it, that period.
          const hit = chart.getElementsAtEventForMode(event, "nearest", { intersect: true }, false)[0];
          if (!hit) return;
          const links = chart.data.datasets[hit.datasetIndex].links || [];
          if (links[hit.index]) window.location.assign(links[hit.index]);
        },
        onHover: (event, elements, chart) => {
          const hit = chart.getElementsAtEventForMode(event, "nearest", { intersect: true }, false)[0];
          const links = hit ? chart.data.datasets[hit.datasetIndex].links || [] : [];
          event.native.target.style.cursor = hit && links[hit.index] ? "pointer" : "default";
        },
      },
    });
    canvas.dataset.ready = "true";
  });
}

function showView(show) {
  ["repaired", "raw"].forEach((id) => {
    const el = document.getElementById(id);
    if (el) el.hidden = id !== show;
  });
  document.querySelectorAll(".toggle a[data-show]").forEach((other) =>
    other.classList.toggle("on", other.dataset.show === show));
}

function rawToggle() {
  document.querySelectorAll(".toggle a[data-show]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      showView(link.dataset.show);
      history.replaceState(null, "", "?view=" + link.dataset.show + location.hash);
    });
  });
  // a link to a word of the repaired text (a number's or quote's ↪) shows that text,
  // where the raw captions were shown: its target was hidden and nothing moved
  const reveal = () => {
    const target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    const repaired = document.getElementById("repaired");
    if (target && repaired && repaired.hidden && repaired.contains(target)) {
      showView("repaired");
      target.scrollIntoView({ block: "center" });
    }
  };
  window.addEventListener("hashchange", reveal);
  reveal();
}

function jumpToTime() {
  // the server marks the paragraph said at ?t=SECONDS (a search hit's time)
  if (location.hash) return;
  const here = document.querySelector(".para.here");
  if (here) here.scrollIntoView({ block: "center" });
}

// Entity edits (rename, merge, split) on a --writable server: JSON posts with the
// token as a Bearer header, so a cross-site form cannot forge them (no cookies are used).
function entityWrites() {
  const status = document.getElementById("entity-status");
  document.querySelectorAll("form.entity-write").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const entity = form.dataset.entity;
      const bodies = {
        rename: { entity: entity, name: data.get("name"), type: data.get("type") || null },
        merge: { source: entity, target: data.get("target") },
        split: { entity: entity, spelling: data.get("spelling"), new_name: data.get("new_name") || null },
      };
      const action = form.dataset.action;
      status.textContent = "Saving…";
      try {
        const response = await fetch("/api/v1/entities/" + action, {
          method: "POST",
          headers: { "Content-Type": "application/json", "Authorization": "Bearer " + data.get("token") },
          body: JSON.stringify(bodies[action]),
          credentials: "omit",
        });
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) {
          status.textContent = "Not saved: " + ((answer.error && answer.error.message) || answer.detail || response.status);
          status.dataset.state = "error";
          return;
        }
        status.textContent = (answer.merged ? "Merged into " + data.get("name") + ": " : "Saved: ") + answer.relinked + " mentions relinked.";
        status.dataset.state = "ok";
        const next = {
          merge: data.get("target"),
          rename: data.get("name"),
          split: data.get("new_name") || data.get("spelling"),
        }[action];
        location.assign("/entity/" + encodeURIComponent(next));
      } catch (error) {
        status.textContent = "Not saved: " + error;
        status.dataset.state = "error";
      }
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  drawCharts();
  rawToggle();
  jumpToTime();
  entityWrites();
});
