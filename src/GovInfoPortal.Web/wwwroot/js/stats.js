// Draws the statistics page's charts with ECharts from the JSON block #chart-data.
// Each chart's figures are also in the table beside it, so nothing depends on this script.
(function () {
    "use strict";

    var data = document.getElementById("chart-data");
    if (!data || typeof echarts === "undefined") {
        return;
    }

    var palette = ["#1d4f91", "#b03a2e", "#2e7d32", "#8a5a00", "#6a1b9a", "#00695c", "#4e342e", "#37474f", "#ad1457", "#283593"];
    var charts = [];

    JSON.parse(data.textContent).forEach(function (spec) {
        var element = document.getElementById(spec.id);
        if (!element) {
            return;
        }

        var chart = echarts.init(element, null, { renderer: "canvas" });
        chart.setOption({
            color: palette,
            aria: { enabled: false },
            animation: false,
            textStyle: { fontFamily: "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif" },
            tooltip: { trigger: "axis" },
            legend: { type: "scroll", top: 0 },
            grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
            xAxis: {
                type: "category",
                data: spec.categories,
                axisLabel: { interval: 0, hideOverlap: true, width: 96, overflow: "truncate" }
            },
            yAxis: { type: "value", minInterval: 1 },
            series: spec.series.map(function (series) {
                return {
                    name: series.name,
                    type: spec.kind,
                    stack: spec.stacked ? "total" : undefined,
                    data: series.data,
                    symbolSize: 8,
                    barMaxWidth: 40
                };
            })
        });
        charts.push(chart);
    });

    window.addEventListener("resize", function () {
        charts.forEach(function (chart) {
            chart.resize();
        });
    });
})();
