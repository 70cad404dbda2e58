using System.Text.Json;
using GovInfoPortal.Core.Validation;

namespace GovInfoPortal.Core.Tests.Validation;

/// <summary>Rule codes, severities and the finding shape are a public contract (DESIGN §4, §5).</summary>
public class RulesContractTests
{
    [Fact]
    public void Rule_table_has_exactly_the_codes_of_the_design_with_their_severities()
    {
        (string Code, FindingSeverity Severity)[] design =
        [
            ("values.missing", FindingSeverity.Error),
            ("values.invalid", FindingSeverity.Error),
            ("format.mismatch", FindingSeverity.Error),
            ("applications.rowTotal", FindingSeverity.Error),
            ("applications.handledTotal", FindingSeverity.Error),
            ("applications.balance", FindingSeverity.Error),
            ("reviewLitigation.groupTotal", FindingSeverity.Error),
            ("crossYear.carriedOver", FindingSeverity.Warning),
            ("crossYear.inForce", FindingSeverity.Warning),
            ("crossYear.previousCount", FindingSeverity.Warning),
            ("publication.late", FindingSeverity.Warning),
            ("narrative.missingPart", FindingSeverity.Error),
            ("narrative.copiedFromLastYear", FindingSeverity.Warning),
            ("narrative.figureMismatch", FindingSeverity.Warning),
            ("problems.generic", FindingSeverity.Warning),
            ("problems.noRectification", FindingSeverity.Warning),
            ("otherMatters.feeStatementMissing", FindingSeverity.Warning),
            ("overview.missingAspect", FindingSeverity.Warning),
            ("overview.tooLong", FindingSeverity.Warning),
            ("overview.missingFigure", FindingSeverity.Warning),
            ("activeDisclosure.rulesWithoutPower", FindingSeverity.Warning),
            ("activeDisclosure.feeUnit", FindingSeverity.Warning),
            ("crossYear.spike", FindingSeverity.Warning),
            ("validation.ruleFailed", FindingSeverity.Warning),
            ("narrative.copiedFromPeer", FindingSeverity.Warning),
        ];

        Assert.Equal(design, Rules.All.Select(r => (r.Code, r.Severity)).ToArray());
        Assert.All(Rules.All, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Description)));
        Assert.All(design, d => Assert.Equal(d.Severity, Rules.SeverityOf(d.Code)));
    }

    [Fact]
    public void Rule_constants_spell_the_design_codes()
    {
        Assert.Equal("values.missing", Rules.ValuesMissing);
        Assert.Equal("values.invalid", Rules.ValuesInvalid);
        Assert.Equal("format.mismatch", Rules.FormatMismatch);
        Assert.Equal("applications.rowTotal", Rules.ApplicationsRowTotal);
        Assert.Equal("applications.handledTotal", Rules.ApplicationsHandledTotal);
        Assert.Equal("applications.balance", Rules.ApplicationsBalance);
        Assert.Equal("reviewLitigation.groupTotal", Rules.ReviewLitigationGroupTotal);
        Assert.Equal("crossYear.carriedOver", Rules.CrossYearCarriedOver);
        Assert.Equal("crossYear.inForce", Rules.CrossYearInForce);
        Assert.Equal("crossYear.previousCount", Rules.CrossYearPreviousCount);
        Assert.Equal("publication.late", Rules.PublicationLate);
        Assert.Equal("narrative.missingPart", Rules.NarrativeMissingPart);
        Assert.Equal("narrative.copiedFromLastYear", Rules.NarrativeCopiedFromLastYear);
        Assert.Equal("narrative.copiedFromPeer", Rules.NarrativeCopiedFromPeer);
    }

    [Fact]
    public void An_unknown_rule_has_no_severity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rules.SeverityOf("values.unknown"));
    }

    [Fact]
    public void A_finding_serializes_in_the_public_shape()
    {
        var finding = FindingAssert.Error("applications.handledTotal", "applications", "handledTotal", "naturalPerson", 1m, 0m,
            "表三（七）总计·自然人：填报 0，按分项合计应为 1");
        var report = ValidationReport.Of([finding, FindingAssert.Warning("publication.late", null, null, null, "2021-01-31", null, "…")]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(report));
        var root = json.RootElement;
        Assert.Equal(["clean", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("clean").GetBoolean());

        var first = root.GetProperty("findings")[0];
        Assert.Equal(["rule", "severity", "table", "row", "column", "expected", "actual", "message"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal(1m, first.GetProperty("expected").GetDecimal());
        Assert.Equal(0m, first.GetProperty("actual").GetDecimal());
        Assert.Equal("表三（七）总计·自然人：填报 0，按分项合计应为 1", first.GetProperty("message").GetString());

        var second = root.GetProperty("findings")[1];
        Assert.Equal("warning", second.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("table").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("actual").ValueKind);
    }

    [Fact]
    public void Validation_report_is_clean_only_without_any_finding()
    {
        Assert.True(ValidationReport.Of([]).Clean);

        var warningOnly = ValidationReport.Of([FindingAssert.Warning("publication.late", null, null, null, "2021-01-31", null, "…")]);
        Assert.False(warningOnly.Clean);
        Assert.False(warningOnly.HasErrors);
        Assert.Single(warningOnly.Warnings);
        Assert.Empty(warningOnly.Errors);
    }
}
