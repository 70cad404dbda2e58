// The export list (Pages/Review/Exports/Index.cshtml): while a job is queued or running, asks the status
// endpoint every few seconds and moves its progress bar and text along; a finished job gets its download
// link, a failed one its reason, and a screen reader hears when a job ends. Without this script the page
// shows the state at the time it was loaded (reload to see more).
(function () {
    'use strict';

    var table = document.querySelector('table.export-jobs');
    if (!table || !window.fetch) {
        return;
    }

    var statusUrl = table.getAttribute('data-status-url');
    var announcer = document.getElementById('export-announcer');
    var POLL_INTERVAL = 2000;
    var MAX_FAILURES = 5;
    var failures = 0;

    function row(id) {
        return table.querySelector('tr[data-job="' + id + '"]');
    }

    function scopeOf(tr) {
        var scope = tr.querySelector('.export-scope');
        return scope ? scope.textContent : '';
    }

    function updateProgress(tr, job) {
        var cell = tr.querySelector('.export-progress');
        var progress = cell.querySelector('progress');
        var text = cell.querySelector('.progress-text');
        if (job.status === 'failed') {
            var failed = document.createElement('span');
            failed.className = 'export-failed';
            failed.textContent = job.text;
            cell.replaceChildren(failed);
            return;
        }

        if (progress) {
            if (job.status === 'queued' || (job.active && job.total === 0)) {
                progress.removeAttribute('value');
                progress.max = 100;
            } else {
                progress.max = Math.max(job.total, 1);
                progress.value = job.status === 'completed' ? progress.max : job.done;
            }
        }

        if (text) {
            text.textContent = job.text;
        }
    }

    function updateDownload(tr, job) {
        var cell = tr.querySelector('.export-download');
        if (job.downloadUrl) {
            var link = document.createElement('a');
            link.href = job.downloadUrl;
            link.setAttribute('download', '');
            link.textContent = '下载 ZIP';
            var hidden = document.createElement('span');
            hidden.className = 'visually-hidden';
            hidden.textContent = '（' + scopeOf(tr) + '）';
            link.appendChild(hidden);
            cell.replaceChildren(link);
        } else if (!job.active) {
            cell.replaceChildren();
        }
    }

    function announce(message) {
        if (announcer) {
            announcer.textContent = message;
        }
    }

    function apply(jobs) {
        var active = false;
        jobs.forEach(function (job) {
            var tr = row(job.id);
            if (!tr) {
                return;
            }

            var wasActive = tr.getAttribute('data-active') === 'true';
            updateProgress(tr, job);
            updateDownload(tr, job);
            tr.setAttribute('data-active', job.active ? 'true' : 'false');
            if (wasActive && !job.active) {
                announce(scopeOf(tr) + '导出' + (job.status === 'completed' ? '已完成，可以下载。' : '失败：' + (job.error || '')));
            }

            active = active || job.active;
        });
        return active;
    }

    function poll() {
        fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('status ' + response.status);
                }

                return response.json();
            })
            .then(function (data) {
                failures = 0;
                if (apply(data.jobs || [])) {
                    window.setTimeout(poll, POLL_INTERVAL);
                }
            })
            .catch(function () {
                failures += 1;
                if (failures < MAX_FAILURES) {
                    window.setTimeout(poll, POLL_INTERVAL * failures);
                } else {
                    announce('暂时无法获取导出进度，请稍后刷新页面。');
                }
            });
    }

    window.setTimeout(poll, POLL_INTERVAL / 2);
}());
