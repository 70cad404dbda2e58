// The report editor (Pages/Clerk/Reports/Edit.cshtml). The page works without this script (a plain form
// post saves the draft); with it the clerk gets: keyboard moves between cells, numbers only, totals filled in
// as the parts are typed (unless the clerk states another total), the server's findings while typing (marked
// on the cells and listed; empty cells only counted until the clerk asks for the check), a copy of unsaved
// input in this browser (restored after a reload or a failed save), saving in the background, and saving
// before any link leaves the page (closing the tab with unsaved input asks first).
(function () {
    'use strict';

    var form = document.getElementById('report-editor');
    if (!form) {
        return;
    }

    var reportId = form.getAttribute('data-report-id');
    var checkUrl = form.getAttribute('data-check-url');
    var saveUrl = form.getAttribute('data-save-url');
    var versionInput = document.getElementById('report-version');
    var notice = document.getElementById('editor-notice');
    var saveState = document.getElementById('save-state');
    var lastSaved = document.getElementById('last-saved');
    var findingsSection = document.getElementById('findings');
    var findingsList = document.getElementById('findings-list');
    var findingsSummary = document.getElementById('findings-summary');
    var findingsCount = document.getElementById('findings-count');
    var toFillCount = document.getElementById('to-fill-count');
    var fullCheck = document.getElementById('full-check');
    var checkButton = document.getElementById('check-all');
    var fillZeroButton = document.getElementById('fill-zero');
    var selfCheckScore = document.getElementById('self-check-score');
    var selfCheckShortfalls = document.getElementById('self-check-shortfalls');
    var selfCheckCount = document.getElementById('self-check-count');
    var actions = form.querySelector('.editor-actions');
    var tokenInput = form.querySelector('input[name="__RequestVerificationToken"]');
    var storageKey = 'govinfo-draft-' + reportId;
    var cells = Array.prototype.slice.call(form.querySelectorAll('input.cell-input'));
    var sums = Array.prototype.slice.call(form.querySelectorAll('.cell-sum'));

    var CHECK_DELAY = 500;
    var BACKGROUND_SAVE_INTERVAL = 60000;

    var dirty = false;
    var saving = null;
    var leaving = false;
    var lastSaveProblem = '';
    var stopped = false;
    var editCount = 0;
    var checkTimer = null;
    var checkSequence = 0;
    var currentFindings = [];
    // Explanations typed for warnings, by finding key; kept when a warning goes away while typing.
    var explanations = {};

    // ---------------------------------------------------------------- numbers only

    var FULL_WIDTH = /[\uFF10-\uFF19]/g;

    function halfWidth(text) {
        return text
            .replace(FULL_WIDTH, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
            .replace(/[\uFF0D\u2212]/g, '-')
            .replace(/[\uFF0E\u3002]/g, '.');
    }

    // What a cell of this kind may hold: counts are whole and not negative; 2019's 本年增/减 may be
    // negative; amounts may have decimals.
    function cleanFigure(text, kind) {
        var cleaned = halfWidth(text);
        if (kind === 'signed') {
            cleaned = cleaned.replace(/[^0-9-]/g, '');
            cleaned = (cleaned.charAt(0) === '-' ? '-' : '') + cleaned.replace(/-/g, '');
        } else if (kind === 'amount') {
            cleaned = cleaned.replace(/[^0-9.]/g, '');
            var dot = cleaned.indexOf('.');
            if (dot >= 0) {
                cleaned = cleaned.slice(0, dot + 1) + cleaned.slice(dot + 1).replace(/\./g, '');
            }
        } else {
            cleaned = cleaned.replace(/[^0-9]/g, '');
        }
        return cleaned;
    }

    function figure(input) {
        var text = input.value.trim();
        if (text === '' || text === '-' || text === '.') {
            return null;
        }
        var value = Number(text);
        return isFinite(value) ? value : null;
    }

    function formatNumber(value) {
        return String(Math.round(value * 1e6) / 1e6);
    }

    cells.forEach(function (input) {
        input.addEventListener('input', function () {
            var cleaned = cleanFigure(input.value, input.getAttribute('data-kind'));
            if (cleaned !== input.value) {
                var caret = Math.max(0, (input.selectionStart || 0) - (input.value.length - cleaned.length));
                input.value = cleaned;
                input.setSelectionRange(caret, caret);
            }
        });
        input.addEventListener('focus', function () {
            input.select();
            showCellInfo(input);
        });
    });

    // ---------------------------------------------------------------- keyboard

    // Each table's inputs by visual row, so that up and down keep the column where they can.
    var grids = Array.prototype.slice.call(form.querySelectorAll('.editor-grid')).map(function (grid) {
        return Array.prototype.slice.call(grid.querySelectorAll('tr'))
            .map(function (tr) { return Array.prototype.slice.call(tr.querySelectorAll('input.cell-input')); })
            .filter(function (row) { return row.length > 0; });
    });
    var positions = new Map();
    grids.forEach(function (rows, g) {
        rows.forEach(function (row, r) {
            row.forEach(function (input, c) { positions.set(input, { grid: g, row: r, column: c }); });
        });
    });

    // The focused cell stays in sight: above the sticky save bar and right of the table's sticky row labels.
    function reveal(input) {
        var box = input.getBoundingClientRect();
        var bottom = actions ? actions.getBoundingClientRect().top : window.innerHeight;
        var margin = 8;
        if (box.bottom > bottom - margin) {
            window.scrollBy(0, box.bottom - bottom + margin);
        } else if (box.top < margin) {
            window.scrollBy(0, box.top - margin);
        }
        var scroller = input.closest('.official-table-scroll');
        var row = input.closest('tr');
        if (!scroller || !row) {
            return;
        }
        var covered = scroller.getBoundingClientRect().left;
        Array.prototype.forEach.call(row.querySelectorAll('th'), function (label) {
            if (window.getComputedStyle(label).position === 'sticky') {
                covered = Math.max(covered, label.getBoundingClientRect().right);
            }
        });
        box = input.getBoundingClientRect();
        if (box.left < covered) {
            scroller.scrollLeft -= covered - box.left + margin;
        }
    }

    function moveTo(input) {
        if (input) {
            input.focus({ preventScroll: true });
            input.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            reveal(input);
        }
    }

    function vertical(input, step) {
        var at = positions.get(input);
        var rows = grids[at.grid];
        var target = rows[at.row + step];
        if (!target) {
            return null;
        }
        return target[Math.min(at.column, target.length - 1)];
    }

    function sideways(input, step) {
        var index = cells.indexOf(input) + step;
        return index >= 0 && index < cells.length ? cells[index] : null;
    }

    function caretAtStart(input) {
        return (input.selectionStart === 0 && input.selectionEnd === 0) || input.selectionEnd - input.selectionStart === input.value.length;
    }

    function caretAtEnd(input) {
        return input.selectionStart === input.value.length || input.selectionEnd - input.selectionStart === input.value.length;
    }

    cells.forEach(function (input) {
        input.addEventListener('keydown', function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) {
                return;
            }
            var target;
            switch (event.key) {
                case 'ArrowUp':
                    target = vertical(input, -1);
                    break;
                case 'ArrowDown':
                    target = vertical(input, 1);
                    break;
                case 'ArrowLeft':
                    if (!caretAtStart(input)) {
                        return;
                    }
                    target = sideways(input, -1);
                    break;
                case 'ArrowRight':
                    if (!caretAtEnd(input)) {
                        return;
                    }
                    target = sideways(input, 1);
                    break;
                case 'Enter':
                    // Enter moves down a row (as in a spreadsheet) instead of submitting the form.
                    event.preventDefault();
                    target = event.shiftKey ? vertical(input, -1) || sideways(input, -1) : vertical(input, 1) || sideways(input, 1);
                    break;
                default:
                    return;
            }
            event.preventDefault();
            moveTo(target);
        });
    });

    // ---------------------------------------------------------------- totals computed as the clerk types

    // Each total input with the sets of parts it is the sum of (表三's （七）总计 of the 总计 column is both
    // the sum of its row and of its column). A total is automatic unless the clerk stated another figure.
    var totals = new Map();
    sums.forEach(function (span) {
        var total = span.parentNode.querySelector('input.cell-input');
        var parts = span.getAttribute('data-parts').split(' ').map(function (id) { return document.getElementById(id); }).filter(Boolean);
        if (!totals.has(total)) {
            totals.set(total, []);
        }
        totals.get(total).push(parts);
    });
    var manual = new Set();

    function sumOf(parts) {
        var filled = parts.filter(function (part) { return figure(part) !== null; });
        return filled.length === 0 ? null : filled.reduce(function (acc, part) { return acc + figure(part); }, 0);
    }

    function same(a, b) {
        return Math.abs(a - b) < 1e-9;
    }

    function computed(total) {
        var sets = totals.get(total);
        for (var i = 0; i < sets.length; i++) {
            var sum = sumOf(sets[i]);
            if (sum !== null) {
                return sum;
            }
        }
        return null;
    }

    // A stated total that is not what its parts add up to (or that has no parts filled) is the clerk's own.
    function statedApart(total) {
        var stated = figure(total);
        if (stated === null) {
            return false;
        }
        var known = false;
        var apart = totals.get(total).some(function (parts) {
            var sum = sumOf(parts);
            known = known || sum !== null;
            return sum !== null && !same(sum, stated);
        });
        return apart || !known;
    }

    function resetButton(total) {
        var button = total.parentNode.querySelector('button.total-reset');
        if (!button) {
            button = document.createElement('button');
            button.type = 'button';
            button.className = 'total-reset';
            button.textContent = '改回自动';
            button.setAttribute('aria-label', '改回自动合计：' + total.getAttribute('data-label'));
            button.addEventListener('click', function () {
                setManual(total, false);
                computeTotals(null);
                edited(total);
                total.focus();
            });
            total.parentNode.insertBefore(button, total.nextSibling);
        }
        return button;
    }

    function setManual(total, on) {
        if (on) {
            manual.add(total);
        } else {
            manual.delete(total);
        }
        total.classList.toggle('total-manual', on);
        total.classList.toggle('total-auto', !on);
        if (on || total.parentNode.querySelector('button.total-reset')) {
            resetButton(total).hidden = !on;
        }
    }

    // Fills in every automatic total but the one being typed in; totals of totals follow in the next pass.
    function computeTotals(except) {
        for (var pass = 0; pass < 4; pass++) {
            var changed = false;
            totals.forEach(function (sets, total) {
                if (total === except || manual.has(total)) {
                    return;
                }
                var sum = computed(total);
                var text = sum === null ? '' : formatNumber(sum);
                if (total.value !== text) {
                    total.value = text;
                    changed = true;
                }
            });
            if (!changed) {
                return;
            }
        }
    }

    totals.forEach(function (sets, total) {
        setManual(total, statedApart(total));
        // A total emptied by the clerk is automatic again once the keyboard leaves it.
        total.addEventListener('change', function () {
            if (!manual.has(total) && total.value.trim() === '') {
                computeTotals(null);
                updateSums();
            }
        });
    });

    function updateSums() {
        sums.forEach(function (span) {
            var parts = span.getAttribute('data-parts').split(' ').map(function (id) { return document.getElementById(id); });
            var filled = parts.filter(function (part) { return part && figure(part) !== null; });
            var total = span.parentNode.querySelector('input.cell-input');
            span.classList.remove('sum-match', 'sum-mismatch');
            if (filled.length === 0) {
                span.textContent = '';
                return;
            }
            var sum = filled.reduce(function (acc, part) { return acc + figure(part); }, 0);
            var complete = filled.length === parts.length;
            var stated = figure(total);
            span.textContent = span.getAttribute('data-basis') + ' ' + formatNumber(sum) + (complete ? '' : '（未填完）');
            if (complete && stated !== null) {
                span.classList.add(Math.abs(stated - sum) < 1e-9 ? 'sum-match' : 'sum-mismatch');
            }
        });
    }

    // ---------------------------------------------------------------- the current cell, spelled out

    function findingsFor(id) {
        return currentFindings.filter(function (finding) { return finding.targets.indexOf(id) >= 0; });
    }

    // The spelled-out cell goes away when the keyboard leaves the table.
    Array.prototype.forEach.call(form.querySelectorAll('.editor-grid'), function (grid) {
        grid.addEventListener('focusout', function (event) {
            if (!event.relatedTarget || !grid.contains(event.relatedTarget)) {
                var info = grid.querySelector('.cell-info');
                if (info) {
                    info.hidden = true;
                }
            }
        });
    });

    function showCellInfo(input) {
        var grid = input.closest('.editor-grid');
        var info = grid && grid.querySelector('.cell-info');
        if (!info) {
            return;
        }
        info.textContent = '';
        var label = document.createElement('strong');
        label.textContent = input.getAttribute('data-label');
        info.appendChild(label);
        var last = input.getAttribute('data-last');
        if (last !== null) {
            info.appendChild(document.createTextNode(' · 上一年度：' + last));
        }
        findingsFor(input.id).forEach(function (finding) {
            var message = document.createElement('span');
            message.className = 'cell-info-' + finding.severity;
            message.textContent = finding.message;
            info.appendChild(message);
        });
        info.hidden = false;
    }

    // ---------------------------------------------------------------- findings

    function rememberExplanations() {
        Array.prototype.forEach.call(findingsSection.querySelectorAll('textarea.explanation, input.kept-explanation'), function (field) {
            explanations[field.name.slice('explain:'.length)] = field.value;
        });
    }

    function clearMarks() {
        Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid="true"]'), function (element) {
            element.removeAttribute('aria-invalid');
            element.classList.remove('has-error', 'has-warning');
            var message = document.getElementById('msg-' + element.id);
            if (message) {
                message.parentNode.removeChild(message);
            }
            var described = (element.getAttribute('aria-describedby') || '').split(' ')
                .filter(function (id) { return id && id !== 'msg-' + element.id; });
            if (described.length > 0) {
                element.setAttribute('aria-describedby', described.join(' '));
            } else {
                element.removeAttribute('aria-describedby');
            }
        });
    }

    function mark(element, findings) {
        var error = findings.some(function (finding) { return finding.severity === 'error'; });
        element.setAttribute('aria-invalid', 'true');
        element.classList.add(error ? 'has-error' : 'has-warning');
        var message = document.createElement('span');
        message.id = 'msg-' + element.id;
        message.className = 'visually-hidden';
        message.textContent = findings.map(function (finding) { return finding.message; }).join('；');
        element.parentNode.insertBefore(message, element.nextSibling);
        var described = (element.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        described.push(message.id);
        element.setAttribute('aria-describedby', described.join(' '));
    }

    function findingItem(finding) {
        var item = document.createElement('li');
        item.className = 'finding finding-' + finding.severity;
        item.setAttribute('data-key', finding.key);
        item.setAttribute('data-targets', finding.targets.join(' '));
        var badge = document.createElement('span');
        badge.className = 'finding-badge';
        badge.textContent = finding.severity === 'error' ? '错误' : '警告';
        item.appendChild(badge);
        var text;
        if (finding.targets.length > 0) {
            text = document.createElement('a');
            text.href = '#' + finding.targets[0];
            text.className = 'finding-link';
            text.setAttribute('data-target', finding.targets[0]);
        } else {
            text = document.createElement('span');
        }
        text.textContent = finding.message;
        item.appendChild(text);
        if (finding.explanationId) {
            var label = document.createElement('label');
            label.className = 'explanation-label';
            label.htmlFor = finding.explanationId;
            label.textContent = '说明原因';
            var area = document.createElement('textarea');
            area.id = finding.explanationId;
            area.name = 'explain:' + finding.key;
            area.className = 'explanation';
            area.rows = 2;
            area.maxLength = 1000;
            area.value = explanations[finding.key] !== undefined ? explanations[finding.key] : (finding.explanation || '');
            item.appendChild(label);
            item.appendChild(area);
        }
        return item;
    }

    // The self-check score of what was checked, in the words of the answer (Clerk/SelfCheckView.cs).
    function renderSelfCheck(score) {
        if (!score || !selfCheckScore) {
            return;
        }
        selfCheckScore.textContent = score.text;
        selfCheckCount.textContent = score.short;
        selfCheckShortfalls.textContent = '';
        score.shortfalls.forEach(function (shortfall) {
            var item = document.createElement('li');
            item.className = shortfall.notChecked ? 'self-check-unchecked' : 'self-check-lost';
            var criterion = document.createElement('span');
            criterion.className = 'self-check-criterion';
            criterion.textContent = shortfall.text;
            item.appendChild(criterion);
            if (shortfall.reasons.length > 0) {
                var reasons = document.createElement('ul');
                shortfall.reasons.forEach(function (reason) {
                    var line = document.createElement('li');
                    line.textContent = reason;
                    reasons.appendChild(line);
                });
                item.appendChild(reasons);
            }
            selfCheckShortfalls.appendChild(item);
        });
    }

    function renderFindings(data) {
        var focusedId = document.activeElement && document.activeElement.id;
        rememberExplanations();
        clearMarks();
        currentFindings = data.findings || [];

        var byTarget = {};
        currentFindings.forEach(function (finding) {
            finding.targets.forEach(function (id) {
                (byTarget[id] = byTarget[id] || []).push(finding);
            });
        });
        Object.keys(byTarget).forEach(function (id) {
            var element = document.getElementById(id);
            if (element) {
                mark(element, byTarget[id]);
            }
        });

        findingsList.textContent = '';
        currentFindings.forEach(function (finding) { findingsList.appendChild(findingItem(finding)); });

        // Explanations of warnings that went away still travel with the form: nothing typed is lost.
        Array.prototype.forEach.call(findingsSection.querySelectorAll('input.kept-explanation'), function (field) {
            field.parentNode.removeChild(field);
        });
        var shown = {};
        currentFindings.forEach(function (finding) { shown[finding.key] = true; });
        Object.keys(explanations).forEach(function (key) {
            if (!shown[key] && explanations[key].trim() !== '') {
                var kept = document.createElement('input');
                kept.type = 'hidden';
                kept.className = 'kept-explanation';
                kept.name = 'explain:' + key;
                kept.value = explanations[key];
                findingsSection.appendChild(kept);
            }
        });

        // The words come with the answer (Clerk/EditorTexts.cs), so that page and script say the same.
        findingsSummary.textContent = data.summary || '';
        findingsCount.textContent = data.count || '';
        findingsCount.classList.toggle('has-errors', (data.errors || 0) > 0);
        toFillCount.textContent = data.toFillText || '';
        toFillCount.hidden = !data.toFillText;
        fillZeroButton.hidden = !data.emptyCells;
        renderSelfCheck(data.selfCheck);

        var focused = focusedId && document.getElementById(focusedId);
        if (focused && focused.classList.contains('cell-input')) {
            showCellInfo(focused);
        }
    }

    findingsSection.addEventListener('click', function (event) {
        var link = event.target.closest('a.finding-link');
        if (!link) {
            return;
        }
        var target = document.getElementById(link.getAttribute('data-target'));
        if (target) {
            event.preventDefault();
            target.scrollIntoView({ block: 'center' });
            target.focus();
        }
    });

    // ---------------------------------------------------------------- talking to the server

    function post(url) {
        var body = new FormData(form);
        return fetch(url, {
            method: 'POST',
            body: body,
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json', 'RequestVerificationToken': tokenInput ? tokenInput.value : '' }
        }).then(function (response) {
            var contentType = response.headers.get('Content-Type') || '';
            var json = contentType.indexOf('application/json') >= 0 ? response.json() : Promise.resolve({});
            return json.then(function (data) { return { status: response.status, data: data }; });
        });
    }

    // The findings panel is busy from an edit until the check of the latest input has answered.
    function check() {
        var sequence = ++checkSequence;
        findingsSection.setAttribute('aria-busy', 'true');
        post(checkUrl).then(function (result) {
            if (sequence === checkSequence && result.status === 200) {
                renderFindings(result.data);
            }
        }).catch(function () {
            // The next edit checks again; the local copy keeps what was typed.
        }).then(function () {
            if (sequence === checkSequence) {
                findingsSection.removeAttribute('aria-busy');
            }
        });
    }

    function scheduleCheck() {
        findingsSection.setAttribute('aria-busy', 'true');
        checkSequence++;
        window.clearTimeout(checkTimer);
        checkTimer = window.setTimeout(check, CHECK_DELAY);
    }

    function showNotice(message, urgent, actions) {
        notice.textContent = '';
        notice.setAttribute('role', urgent ? 'alert' : 'status');
        notice.classList.toggle('editor-notice-urgent', !!urgent);
        var text = document.createElement('p');
        text.textContent = message;
        notice.appendChild(text);
        (actions || []).forEach(function (action) {
            var button = document.createElement('button');
            button.type = 'button';
            button.className = 'button button-small';
            button.textContent = action.label;
            button.addEventListener('click', action.run);
            notice.appendChild(button);
        });
        notice.hidden = false;
    }

    function hideNotice() {
        notice.hidden = true;
        notice.textContent = '';
    }

    // Resolves true when what was typed is stored. A save asked for while one runs follows it.
    function save(background) {
        if (saving) {
            return background ? saving : saving.then(function () { return dirty ? save(false) : true; });
        }
        if (background && stopped) {
            return Promise.resolve(false);
        }
        var editsAtStart = editCount;
        lastSaveProblem = '';
        saveState.textContent = '正在保存……';
        saving = post(saveUrl).then(function (result) {
            var data = result.data || {};
            if (result.status === 200) {
                versionInput.value = data.version;
                stopped = false;
                if (editCount === editsAtStart) {
                    dirty = false;
                    forgetLocal();
                } else {
                    storeLocal();
                }
                if (lastSaved && data.savedAt) {
                    lastSaved.textContent = data.savedAt;
                }
                saveState.textContent = (background ? '已自动保存' : '草稿已保存') + (data.savedAt ? '（' + data.savedAt + '）' : '');
                if (!background) {
                    hideNotice();
                }
                renderFindings(data);
                return true;
            }
            lastSaveProblem = data.message || '';
            if (result.status === 409) {
                stopped = true;
                storeLocal();
                saveState.textContent = '未保存';
                showNotice(data.message || '该报告已被他人修改，您的修改没有保存。', true, [
                    { label: '刷新查看最新内容', run: function () { window.location.reload(); } }
                ]);
            } else if (result.status === 400) {
                saveState.textContent = '未保存';
                showNotice(data.message || '有填写无法保存，请改正后再保存。', true);
                renderFindings(data);
            } else if (result.status === 401) {
                stopped = true;
                saveState.textContent = '未保存';
                showNotice('登录已过期，修改已暂存在本机浏览器中。请重新登录后回到本页恢复。', true);
            } else {
                stopped = result.status === 403;
                saveState.textContent = '未保存';
                showNotice(data.message || '保存失败，修改已暂存在本机浏览器中，请稍后再试。', true);
            }
            return false;
        }).catch(function () {
            saveState.textContent = '未保存';
            lastSaveProblem = '网络连接失败，修改已暂存在本机浏览器中，请稍后再保存。';
            showNotice(lastSaveProblem, true);
            return false;
        }).then(function (saved) {
            saving = null;
            return saved;
        });
        return saving;
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        save(false);
    });

    // ---------------------------------------------------------------- leaving the page

    function go(href) {
        leaving = true;
        window.location.href = href;
    }

    // A link that leaves the editor (预览并提交, 导入文件, the menu) saves first; when the save fails the
    // clerk stays, is told why, and may still leave (the input stays in this browser's copy).
    function saveThenGo(href) {
        saveState.textContent = '正在保存，保存后离开本页……';
        save(false).then(function (saved) {
            if (saved && !dirty) {
                go(href);
                return;
            }
            if (saved) {
                saveThenGo(href);
                return;
            }
            showNotice((lastSaveProblem ? lastSaveProblem + ' ' : '') + '有未保存的修改，没有离开本页。', true, [
                { label: '不保存，离开本页', run: function () { go(href); } }
            ]);
        });
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('a[href]') : null;
        if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey ||
            (link.target && link.target !== '_self') || link.hasAttribute('download')) {
            return;
        }
        var url = new URL(link.href, window.location.href);
        var here = new URL(window.location.href);
        if (url.hash && url.origin === here.origin && url.pathname === here.pathname && url.search === here.search) {
            return;
        }
        if (!dirty && !saving) {
            return;
        }
        event.preventDefault();
        saveThenGo(url.href);
    });

    // Closing the tab, reloading or a form elsewhere on the page (退出登录) with unsaved input: the browser asks.
    window.addEventListener('beforeunload', function (event) {
        if ((dirty || saving) && !leaving) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    // ---------------------------------------------------------------- the check and the empty cells

    checkButton.addEventListener('click', function () {
        fullCheck.value = 'true';
        check();
        findingsSection.scrollIntoView({ block: 'start' });
    });

    fillZeroButton.addEventListener('click', function () {
        var empty = cells.filter(function (input) { return input.value.trim() === ''; });
        if (empty.length === 0 || !window.confirm('将把其余 ' + empty.length + ' 个未填的单元格都填为 0，确定吗？')) {
            return;
        }
        empty.forEach(function (input) {
            if (!totals.has(input) || manual.has(input)) {
                input.value = '0';
            }
        });
        computeTotals(null);
        empty.forEach(function (input) {
            if (input.value.trim() === '') {
                input.value = '0';
            }
        });
        edited(empty[0]);
    });

    window.setInterval(function () {
        if (dirty) {
            save(true);
        }
    }, BACKGROUND_SAVE_INTERVAL);

    // ---------------------------------------------------------------- the copy of unsaved input in this browser

    function snapshot() {
        var fields = {};
        new FormData(form).forEach(function (value, name) {
            if (name !== '__RequestVerificationToken' && name !== 'version' && name !== 'check' && typeof value === 'string') {
                fields[name] = value;
            }
        });
        return fields;
    }

    function storeLocal() {
        try {
            window.localStorage.setItem(storageKey, JSON.stringify({ version: versionInput.value, savedAt: Date.now(), fields: snapshot() }));
        } catch (e) {
            // Storage full or disabled: the server copy and the form still hold the input.
        }
    }

    function forgetLocal() {
        try {
            window.localStorage.removeItem(storageKey);
        } catch (e) {
            // Nothing stored.
        }
    }

    function readLocal() {
        try {
            var stored = JSON.parse(window.localStorage.getItem(storageKey) || 'null');
            return stored && stored.fields ? stored : null;
        } catch (e) {
            return null;
        }
    }

    function differs(fields) {
        var current = snapshot();
        return Object.keys(fields).some(function (name) { return current[name] !== fields[name]; });
    }

    function apply(fields) {
        Object.keys(fields).forEach(function (name) {
            if (name.indexOf('explain:') === 0) {
                explanations[name.slice('explain:'.length)] = fields[name];
            }
            var element = form.elements.namedItem(name);
            if (element && 'value' in element) {
                element.value = fields[name];
            }
        });
        dirty = true;
        editCount++;
        totals.forEach(function (sets, total) { setManual(total, statedApart(total)); });
        updateSums();
        refreshTopics();
        check();
    }

    function timeOf(stored) {
        var date = new Date(stored.savedAt);
        return date.getFullYear() + '年' + (date.getMonth() + 1) + '月' + date.getDate() + '日 ' +
            ('0' + date.getHours()).slice(-2) + ':' + ('0' + date.getMinutes()).slice(-2);
    }

    function restoreLocal() {
        var stored = readLocal();
        if (!stored || !differs(stored.fields)) {
            if (stored) {
                forgetLocal();
            }
            return;
        }
        var discard = { label: '放弃这些内容', run: function () { forgetLocal(); window.location.reload(); } };
        if (String(stored.version) === versionInput.value) {
            apply(stored.fields);
            saveState.textContent = '有未保存的修改';
            showNotice('已恢复您在 ' + timeOf(stored) + ' 填写但尚未保存的内容，请检查后保存草稿。', false, [discard]);
        } else {
            showNotice('本机浏览器中暂存有您在 ' + timeOf(stored) + ' 填写但未能保存的内容；此后报告已被保存过（可能是他人所改）。您可以查看本页的最新内容后，决定是否用暂存的内容替换。', true, [
                { label: '用暂存的内容替换', run: function () { apply(stored.fields); hideNotice(); saveState.textContent = '有未保存的修改'; } },
                discard
            ]);
        }
    }

    // ---------------------------------------------------------------- narrative parts

    function refreshTopics() {
        Array.prototype.forEach.call(form.querySelectorAll('[data-topics-for]'), function (list) {
            var area = document.getElementById(list.getAttribute('data-topics-for'));
            Array.prototype.forEach.call(list.querySelectorAll('[data-topic]'), function (item) {
                var covered = area.value.indexOf(item.getAttribute('data-topic')) >= 0;
                item.classList.toggle('topic-covered', covered);
            });
        });
    }

    var NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

    Array.prototype.forEach.call(form.querySelectorAll('button.insert-headings'), function (button) {
        button.addEventListener('click', function () {
            var area = document.getElementById(button.getAttribute('data-for'));
            var missing = button.getAttribute('data-topics').split('|').map(function (topic, i) {
                return '（' + NUMERALS[i] + '）' + topic;
            }).filter(function (heading) { return area.value.indexOf(heading) < 0; });
            if (missing.length === 0) {
                return;
            }
            area.value = (area.value.trim() === '' ? '' : area.value.replace(/\s+$/, '') + '\n') + missing.join('\n\n') + '\n';
            area.dispatchEvent(new Event('input', { bubbles: true }));
            area.focus();
        });
    });

    // ---------------------------------------------------------------- every edit

    // After every change of a field, typed or filled in by the script.
    function edited(target) {
        dirty = true;
        editCount++;
        saveState.textContent = '有未保存的修改';
        if (target.classList.contains('cell-input')) {
            if (totals.has(target) && target === document.activeElement) {
                setManual(target, statedApart(target));
            }
            computeTotals(target === document.activeElement ? target : null);
            updateSums();
        }
        storeLocal();
        if (target.tagName === 'TEXTAREA') {
            refreshTopics();
        }
        if (!target.classList.contains('explanation')) {
            scheduleCheck();
        }
    }

    form.addEventListener('input', function (event) {
        if (event.target.classList.contains('explanation')) {
            explanations[event.target.name.slice('explain:'.length)] = event.target.value;
        }
        edited(event.target);
    });

    // Server-rendered findings, so that the cell info shows them before the first check.
    Array.prototype.forEach.call(findingsList.querySelectorAll('li.finding'), function (item) {
        var link = item.querySelector('a.finding-link');
        var area = item.querySelector('textarea.explanation');
        currentFindings.push({
            key: item.getAttribute('data-key'),
            severity: item.classList.contains('finding-error') ? 'error' : 'warning',
            message: (link || item.querySelector('span:not(.finding-badge)')).textContent,
            targets: (item.getAttribute('data-targets') || '').split(' ').filter(Boolean),
            explanationId: area ? area.id : null
        });
    });
    rememberExplanations();
    updateSums();
    refreshTopics();
    restoreLocal();
})();
