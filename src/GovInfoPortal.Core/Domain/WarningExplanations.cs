using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Domain;

/// <summary>
/// The clerk's written explanations of a report's warnings (a warning needs one before the report is
/// submitted), keyed by the finding they explain: <see cref="KeyOf"/> joins its rule, table, row and column.
/// A value object; blank explanations are not kept.
/// </summary>
public sealed class WarningExplanations : IEquatable<WarningExplanations>
{
    /// <summary>Longest explanation accepted, in characters.</summary>
    public const int MaxLength = 1000;

    public static readonly WarningExplanations None = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _byKey;

    private WarningExplanations(Dictionary<string, string> byKey) => _byKey = byKey;

    /// <summary>The explanations by finding key; blanks dropped, text trimmed.</summary>
    public static WarningExplanations Of(IEnumerable<KeyValuePair<string, string?>> explanations)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in explanations)
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var trimmed = text.Trim();
            if (trimmed.Length > MaxLength)
            {
                throw new ArgumentException($"Explanations are at most {MaxLength} characters.", nameof(explanations));
            }

            kept[key] = trimmed;
        }

        return kept.Count == 0 ? None : new WarningExplanations(kept);
    }

    /// <summary>The key of the finding an explanation answers: <c>crossYear.carriedOver|applications|carriedOver|naturalPerson</c>.</summary>
    public static string KeyOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Join('|', finding.Rule, finding.Table, finding.Row, finding.Column);
    }

    public IReadOnlyDictionary<string, string> ByKey => _byKey;

    public bool IsEmpty => _byKey.Count == 0;

    public string? For(Finding finding) => _byKey.GetValueOrDefault(KeyOf(finding));

    /// <summary>Only the explanations of the given findings: explanations of warnings that went away are dropped.</summary>
    public WarningExplanations For(IEnumerable<Finding> findings)
    {
        var keys = findings.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
        return Of(_byKey.Where(pair => keys.Contains(pair.Key)).Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
    }

    public bool Equals(WarningExplanations? other) =>
        other is not null && _byKey.Count == other._byKey.Count &&
        _byKey.All(pair => other._byKey.TryGetValue(pair.Key, out var text) && text == pair.Value);

    public override bool Equals(object? obj) => Equals(obj as WarningExplanations);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, text) in _byKey)
        {
            hash ^= HashCode.Combine(key, text);
        }

        return hash;
    }
}
