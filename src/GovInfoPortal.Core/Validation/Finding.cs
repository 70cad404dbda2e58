using System.Text.Json.Serialization;

namespace GovInfoPortal.Core.Validation;

[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>Blocks submission.</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Needs a written explanation before submission.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,
}

/// <summary>
/// One problem the validator found. <see cref="Rule"/> codes and this shape are a public contract.
/// <see cref="Table"/>, <see cref="Row"/> and <see cref="Column"/> are the codes the finding points at,
/// null where it is not one cell. <see cref="Expected"/> and <see cref="Actual"/> are numbers or codes.
/// </summary>
public sealed record Finding(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("severity")] FindingSeverity Severity,
    [property: JsonPropertyName("table")] string? Table,
    [property: JsonPropertyName("row")] string? Row,
    [property: JsonPropertyName("column")] string? Column,
    [property: JsonPropertyName("expected")] object? Expected,
    [property: JsonPropertyName("actual")] object? Actual,
    [property: JsonPropertyName("message")] string Message)
{
    [JsonIgnore]
    public bool IsError => Severity == FindingSeverity.Error;
}

/// <summary>The outcome of validating one report: clean when there is no finding at all.</summary>
public sealed record ValidationReport(
    [property: JsonPropertyName("clean")] bool Clean,
    [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings)
{
    public static ValidationReport Of(IReadOnlyList<Finding> findings) => new(findings.Count == 0, findings);

    [JsonIgnore]
    public bool HasErrors => Findings.Any(f => f.IsError);

    [JsonIgnore]
    public IEnumerable<Finding> Errors => Findings.Where(f => f.IsError);

    [JsonIgnore]
    public IEnumerable<Finding> Warnings => Findings.Where(f => !f.IsError);
}
