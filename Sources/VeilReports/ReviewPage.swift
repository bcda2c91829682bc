import Foundation
package import VeilCore
import VeilFormats

/// The review page (`veil review`): one self-contained HTML file — no network, no script or style
/// from elsewhere — showing each document's original text with every change highlighted by entity
/// colour, what found it, how sure, the action and the replacement (on hover, and on click in a
/// panel); the anonymized text, alone or side by side; a summary per file, entity and plugin;
/// filters by entity; and the close calls (a score near its threshold) marked for a second look.
///
/// It is the one output of Veil that contains originals, and it says so at its top.
package enum ReviewPage {
    /// One reviewed document.
    package struct Document {
        /// The input file it comes from (the summary's columns).
        package let file: String
        /// Its heading: the file, or a record's place and field (`dump.csv:12 body`).
        package let label: String
        package let original: [UInt8]
        package let changes: [Anonymizer.Change]

        package init(file: String, label: String? = nil, original: [UInt8], changes: [Anonymizer.Change]) {
            self.file = file
            self.label = label ?? file
            self.original = original
            self.changes = changes
        }
    }

    /// A change scoring less than this above its entity's threshold is a close call.
    package static let closeMargin = 0.1

    /// The page for `documents` under `policy`.
    package static func render(_ documents: [Document], policy: Policy) -> String {
        let entities = Set(documents.flatMap { $0.changes.map(\.entity.rawValue) }).sorted()
        var html = head(entities: entities)
        html +=
            "<header class=\"warning\" id=\"warning\"><strong>This page shows the original text.</strong> It contains the personal data "
            + "that anonymization removes: keep it where the originals are kept, and never publish or send it on. "
            + "Policy: \(escape(policy.name)).</header>\n"
        html += controls(entities: entities)
        html += summary(documents, policy: policy, entities: entities)
        html += "<main id=\"documents\">\n"
        // Each change is a bare <mark> in the original; what it is comes once, in a table the
        // script reads (a 5 MB transcript has a hundred thousand changes): entity, plugin/rule,
        // score, action and replacement. The anonymized view is built from it when first shown.
        var plugins: [String: Int] = [:], actions: [String: Int] = [:]
        var rows: [String] = []
        var index = 0
        for (number, document) in documents.enumerated() {
            html += "<section class=\"doc\" id=\"doc-\(number)\"><h2>\(escape(document.label))</h2>\n<div class=\"views\"><pre class=\"original\">"
            var cursor = 0
            for change in document.changes {
                html += escape(document.original[cursor..<change.utf8Range.lowerBound])
                let close = change.score < policy.threshold(for: change.entity) + closeMargin
                html += "<mark class=\"e-\(change.entity.rawValue)\(close ? " close" : "")\" data-i=\"\(index)\">\(escape(document.original[change.utf8Range]))</mark>"
                let plugin =
                    plugins[change.plugin + "/" + change.rule]
                    ?? {
                        let next = plugins.count; plugins[change.plugin + "/" + change.rule] = next; return next
                    }()
                let action =
                    actions[change.action]
                    ?? {
                        let next = actions.count; actions[change.action] = next; return next
                    }()
                rows.append(
                    "[\(entities.firstIndex(of: change.entity.rawValue) ?? 0),\(plugin),\(Int((change.score * 100).rounded())),\(action),\(jsonString(change.replacement))]"
                )
                cursor = change.utf8Range.upperBound
                index += 1
            }
            html += escape(document.original[cursor...]) + "</pre></div></section>\n"
        }
        let names = { (table: [String: Int]) in "[" + table.sorted { $0.value < $1.value }.map { jsonString($0.key) }.joined(separator: ",") + "]" }
        html += "</main>\n<aside id=\"details\" hidden></aside>\n"
        html +=
            "<script type=\"application/json\" id=\"changes\">{\"entities\":[" + entities.map(jsonString).joined(separator: ",")
            + "],\"plugins\":" + names(plugins) + ",\"actions\":" + names(actions) + ",\"changes\":[" + rows.joined(separator: ",") + "]}</script>\n"
        html += script + "</body>\n</html>\n"
        return html
    }

    /// A JSON string literal that is also safe inside a <script> element.
    private static func jsonString(_ text: String) -> String {
        String(decoding: JSONDocument.encodeString(text), as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/")
    }

    // MARK: Parts

    private static func head(entities: [String]) -> String {
        var style = baseStyle
        // Hues spread evenly over the entities on the page, so no two look alike.
        for (index, entity) in entities.enumerated() {
            let hue = (index * 360 / max(entities.count, 1) + 10) % 360
            style += ".e-\(entity) { background: hsl(\(hue) 85% 82%); } .legend .e-\(entity) { border-color: hsl(\(hue) 60% 45%); }\n"
            style += "body.hide-\(entity) mark.e-\(entity) { background: none; outline: none; }\n"
        }
        return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
            + "<title>Veil review — contains original text</title>\n<style>\n\(style)</style>\n</head>\n<body class=\"view-original\">\n"
    }

    private static func controls(entities: [String]) -> String {
        var html = "<nav id=\"controls\"><span class=\"group\">View: "
        for (view, label) in [("original", "Original"), ("anonymized", "Anonymized"), ("both", "Side by side")] {
            html += "<button type=\"button\" data-view=\"\(view)\">\(label)</button>"
        }
        html += "</span><span class=\"group legend\">Show: "
        for entity in entities {
            html += "<label class=\"e-\(entity)\"><input type=\"checkbox\" checked data-entity=\"\(entity)\"> \(entity)</label>"
        }
        html += "</span><span class=\"group\"><button type=\"button\" id=\"next-close\">Next close call</button></span></nav>\n"
        return html
    }

    private static func summary(_ documents: [Document], policy: Policy, entities: [String]) -> String {
        // One column per input file and one for all; a row per entity, then changes, close calls, plugins.
        var files: [String] = []
        var counts: [String: [String: Int]] = [:], plugins: [String: [String: Int]] = [:], close: [String: Int] = [:], changes: [String: Int] = [:]
        for document in documents {
            if counts[document.file] == nil { files.append(document.file); counts[document.file] = [:] }
            changes[document.file, default: 0] += document.changes.count
            for change in document.changes {
                counts[document.file]![change.entity.rawValue, default: 0] += 1
                plugins[document.file, default: [:]][change.plugin, default: 0] += 1
                if change.score < policy.threshold(for: change.entity) + closeMargin { close[document.file, default: 0] += 1 }
            }
        }
        let total = changes.values.reduce(0, +), totalClose = close.values.reduce(0, +)
        var html = "<section id=\"summary\"><h2>Summary</h2><table><thead><tr><th></th>"
        for file in files { html += "<th>\(escape((file as NSString).lastPathComponent))</th>" }
        html += "<th>all</th></tr></thead><tbody>\n"
        for entity in entities {
            html += "<tr><th class=\"e-\(entity)\">\(entity)</th>"
            for file in files { html += "<td class=\"n\">\(counts[file]?[entity] ?? 0)</td>" }
            html += "<td class=\"n\">\(files.reduce(0) { $0 + (counts[$1]?[entity] ?? 0) })</td></tr>\n"
        }
        html +=
            "<tr class=\"sum\"><th>changes</th>" + files.map { "<td class=\"n\">\(changes[$0] ?? 0)</td>" }.joined()
            + "<td class=\"n\" id=\"total-changes\">\(total)</td></tr>\n"
        html +=
            "<tr><th>close calls</th>" + files.map { "<td class=\"n\">\(close[$0] ?? 0)</td>" }.joined() + "<td class=\"n\" id=\"total-close\">\(totalClose)</td></tr>\n"
        html +=
            "<tr><th>found by</th>"
            + files.map { file in
                "<td class=\"plugins\">" + (plugins[file] ?? [:]).sorted { $0.key < $1.key }.map { "\(escape($0.key)) \($0.value)" }.joined(separator: "<br>") + "</td>"
            }.joined() + "<td></td></tr>\n"
        html += "</tbody></table>"
        html +=
            "<p class=\"note\">Close calls (dashed outline) scored less than \(format(closeMargin)) above their threshold: look at them twice. "
            + "Hover over a change for what found it; click it for details.</p></section>\n"
        return html
    }

    // MARK: Helpers

    private static func format(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func escape(_ text: String) -> String { escape(Array(text.utf8)[...]) }

    private static func escape(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let baseStyle = """
        body { font: 15px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #222; }
        .warning { background: #b00020; color: white; padding: 10px 16px; }
        nav { display: flex; flex-wrap: wrap; gap: 16px; padding: 8px 16px; background: #f4f4f4; border-bottom: 1px solid #ddd; position: sticky; top: 0; z-index: 2; }
        nav button { margin: 0 2px; } nav label { padding: 0 4px; border-bottom: 3px solid transparent; margin-right: 6px; }
        #summary, main { padding: 0 16px; }
        table { border-collapse: collapse; font-size: 13px; } td, th { border: 1px solid #ddd; padding: 2px 6px; vertical-align: top; } td.n { text-align: right; }
        tbody th { text-align: left; font-weight: normal; } tr.sum { font-weight: bold; } td.plugins { font-size: 12px; color: #444; }
        .note { color: #555; font-size: 13px; }
        pre { white-space: pre-wrap; word-break: break-word; font: inherit; margin: 0; padding: 8px; border: 1px solid #eee; }
        .views { display: grid; grid-template-columns: 1fr; gap: 12px; }
        body.view-original pre.anonymized, body.view-anonymized pre.original { display: none; }
        body.view-both .views { grid-template-columns: 1fr 1fr; }
        mark { border-radius: 3px; padding: 0 1px; cursor: pointer; }
        mark.close { outline: 2px dashed #c62828; }
        mark.current { box-shadow: 0 0 0 3px #1565c0; }
        #details { position: fixed; right: 16px; bottom: 16px; max-width: 360px; background: white; border: 1px solid #999; padding: 10px; box-shadow: 0 2px 8px #0003; }

        """

    private static let script = """
        <script>
        (function () {
          var body = document.body, details = document.getElementById('details');
          var data = JSON.parse(document.getElementById('changes').textContent);
          function info(mark) {
            var c = data.changes[+mark.dataset.i];
            return {entity: data.entities[c[0]], plugin: data.plugins[c[1]], score: (c[2] / 100).toFixed(2), action: data.actions[c[3]], replacement: c[4]};
          }
          function buildAnonymized() {
            document.querySelectorAll('.views').forEach(function (views) {
              if (views.querySelector('pre.anonymized')) return;
              var copy = views.querySelector('pre.original').cloneNode(true);
              copy.className = 'anonymized';
              copy.querySelectorAll('mark').forEach(function (m) { m.textContent = data.changes[+m.dataset.i][4]; });
              views.appendChild(copy);
            });
          }
          function setView(view) {
            if (view !== 'original') buildAnonymized();
            body.classList.remove('view-original', 'view-anonymized', 'view-both'); body.classList.add('view-' + view); body.dataset.view = view;
          }
          document.querySelectorAll('button[data-view]').forEach(function (b) { b.addEventListener('click', function () { setView(b.dataset.view); }); });
          document.querySelectorAll('input[data-entity]').forEach(function (c) { c.addEventListener('change', function () { body.classList.toggle('hide-' + c.dataset.entity, !c.checked); }); });
          var main = document.getElementById('documents');
          main.addEventListener('mouseover', function (event) {
            var m = event.target.closest('mark'); if (!m || m.title) return;
            var d = info(m); m.title = d.entity + ' · ' + d.plugin + ' · score ' + d.score + ' · ' + d.action + ' → ' + d.replacement;
          });
          main.addEventListener('click', function (event) {
            var m = event.target.closest('mark'); if (!m) { details.hidden = true; return; }
            var d = info(m); details.textContent = '';
            [['Entity', d.entity], ['Found by', d.plugin], ['Score', d.score + (m.classList.contains('close') ? ' (close call)' : '')], ['Action', d.action], ['Replacement', d.replacement]].forEach(function (r) {
              var p = document.createElement('div'), k = document.createElement('strong'); k.textContent = r[0] + ': '; p.appendChild(k); p.appendChild(document.createTextNode(r[1])); details.appendChild(p);
            });
            details.hidden = false;
          });
          var closeCalls = Array.prototype.slice.call(document.querySelectorAll('pre.original mark.close')), next = 0;
          document.getElementById('next-close').addEventListener('click', function () {
            if (!closeCalls.length) return; if (body.dataset.view === 'anonymized') setView('original');
            var m = closeCalls[next++ % closeCalls.length]; document.querySelectorAll('mark.current').forEach(function (x) { x.classList.remove('current'); });
            m.classList.add('current'); m.scrollIntoView({block: 'center'});
          });
          body.dataset.view = 'original';
          body.dataset.changes = String(document.querySelectorAll('pre.original mark').length);
          if (location.hash === '#selftest') {
            var visible = function (selector) { var e = document.querySelector(selector); return !!e && getComputedStyle(e).display !== 'none'; };
            var first = document.querySelector('pre.original mark');
            var result = ['changes=' + body.dataset.changes, 'recorded=' + data.changes.length, 'highlighted=' + (first ? getComputedStyle(first).backgroundColor !== 'rgba(0, 0, 0, 0)' : 'none'),
                          'originalShown=' + visible('pre.original'), 'anonymizedShown=' + visible('pre.anonymized')];
            document.querySelector('button[data-view="anonymized"]').click();
            result.push('afterToggle.originalShown=' + visible('pre.original'), 'afterToggle.anonymizedShown=' + visible('pre.anonymized'));
            var replaced = document.querySelector('pre.anonymized mark');
            result.push('replacementShown=' + (!!replaced && replaced.textContent === data.changes[+replaced.dataset.i][4]));
            document.querySelector('button[data-view="both"]').click();
            result.push('sideBySide.both=' + (visible('pre.original') && visible('pre.anonymized')));
            body.dataset.selftest = result.join(';');
          }
        })();
        </script>

        """
}
