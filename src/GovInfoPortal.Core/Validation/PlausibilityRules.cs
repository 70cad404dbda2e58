using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using static GovInfoPortal.Core.Formats.Codes;
using static GovInfoPortal.Core.Validation.FindingFactory;

namespace GovInfoPortal.Core.Validation;

/// <summary>
/// Figures that are possible arithmetically but not in fact: <c>activeDisclosure.rulesWithoutPower</c> (规章
/// reported by a body that cannot make them), <c>activeDisclosure.feeUnit</c> (a 行政事业性收费 amount only
/// plausible in 元 while the form asks for 万元) and <c>crossYear.spike</c> (a total five times last year's, or
/// a fifth of it).
/// </summary>
internal sealed class PlausibilityRules : IFindingRules
{
    /// <summary>The totals <c>crossYear.spike</c> compares with last year's: (table, row, column).</summary>
    private static readonly (string Table, string Row, string Column)[] SpikeCells =
    [
        (TableCodes.Applications, ApplicationRow.NewlyReceived, Applicant.Total),
        (TableCodes.Applications, ApplicationRow.HandledTotal, Applicant.Total),
        (TableCodes.ReviewLitigation, "review", ReviewColumn.Total),
        (TableCodes.ReviewLitigation, "litigationDirect", ReviewColumn.Total),
        (TableCodes.ReviewLitigation, "litigationAfterReview", ReviewColumn.Total),
        (TableCodes.ActiveDisclosure, DisclosureRow.Licensing, DisclosureColumn.Decisions),
        (TableCodes.ActiveDisclosure, DisclosureRow.Punishment, DisclosureColumn.Decisions),
        (TableCodes.ActiveDisclosure, DisclosureRow.Coercion, DisclosureColumn.Decisions),
    ];

    /// <summary>The 规章 cells a body without the power to make 规章 should leave at 0, per format.</summary>
    private static readonly string[] RuleColumns2021 = [DisclosureColumn.Made, DisclosureColumn.InForce];

    private static readonly string[] RuleColumns2019 = [DisclosureColumn.NewlyMade];

    public IEnumerable<Finding> Check(ValidationInput input)
    {
        var findings = new List<Finding>();
        var settings = input.Context.ContentRules ?? ContentRuleSettings.Default;
        RulesWithoutPower(input, findings);
        FeeUnit(input, settings, findings);
        Spike(input, settings, findings);
        return findings;
    }

    private static void RulesWithoutPower(ValidationInput input, List<Finding> findings)
    {
        var context = input.Context;
        if (input.Report[TableCodes.ActiveDisclosure] is not { } figures || RulePower.Of(context) is not { } power || power.CanMakeRules)
        {
            return;
        }

        var table = figures.Definition;
        var columns = context.Report.Format == ReportFormat.Format2021 ? RuleColumns2021 : RuleColumns2019;
        var row = table.FindRow(DisclosureRow.Rules)!;
        foreach (var code in columns)
        {
            if (row.FindColumn(code) is { } column && figures.Usable(table.IndexOf(row.Code, code)) is { } stated && stated > 0)
            {
                findings.Add(Cell(Rules.ActiveDisclosureRulesWithoutPower, new CellDefinition(table, row, column), 0m, stated,
                    $"填报 {Number(stated)}，但{power.Description}没有规章制定权（依《立法法》，只有省、自治区、直辖市和设区的市、自治州的人民政府可以制定规章），请核实"));
            }
        }
    }

    private static void FeeUnit(ValidationInput input, ContentRuleSettings settings, List<Finding> findings)
    {
        if (input.Context.Report.Format != ReportFormat.Format2021 || input.Report[TableCodes.ActiveDisclosure] is not { } figures)
        {
            return;
        }

        var table = figures.Definition;
        var index = table.IndexOf(DisclosureRow.Fees, DisclosureColumn.Amount);
        var threshold = input.Context.OrganizationKind switch
        {
            OrganizationKind.Township => settings.FeeUnitThresholdTownship,
            OrganizationKind.Department => settings.FeeUnitThresholdDepartment,
            _ => settings.FeeUnitThresholdGovernment,
        };
        if (index >= 0 && figures.Usable(index) is { } amount && amount >= threshold)
        {
            var inTenThousands = amount / 10_000m;
            findings.Add(Cell(Rules.ActiveDisclosureFeeUnit, table.Cells[index], inTenThousands, amount,
                $"填报 {Number(amount)} 万元（即 {Number(amount * 10_000m)} 元），数额异常偏大；本栏单位为万元，若填写的是元，应为 {Number(inTenThousands)}"));
        }
    }

    private static void Spike(ValidationInput input, ContentRuleSettings settings, List<Finding> findings)
    {
        var (report, lastYear) = (input.Context.Report, input.Context.LastYear);
        if (lastYear is null || lastYear.Year != report.Year - 1 || input.LastYear is not { } last || settings.SpikeFactor <= 1)
        {
            return;
        }

        foreach (var (tableCode, rowCode, columnCode) in SpikeCells)
        {
            if (input.Report[tableCode] is not { } figures || last[tableCode] is not { } before ||
                (tableCode == TableCodes.ActiveDisclosure && report.Format != lastYear.Format))
            {
                continue;
            }

            var index = figures.Definition.IndexOf(rowCode, columnCode);
            var lastIndex = before.Definition.IndexOf(rowCode, columnCode);
            if (index < 0 || lastIndex < 0 || figures.Usable(index) is not { } now || before.Usable(lastIndex) is not { } then ||
                Math.Min(now, then) < settings.SpikeMinimum)
            {
                continue;
            }

            if (now >= then * settings.SpikeFactor || then >= now * settings.SpikeFactor)
            {
                var change = now > then ? "增加" : "减少";
                findings.Add(Cell(Rules.CrossYearSpike, figures.Definition.Cells[index], then, now,
                    $"填报 {Number(now)}，上一年度为 {Number(then)}，较上年{change}至{Number(decimal.Round(now / then, 1, MidpointRounding.AwayFromZero))}倍，请核实是否填错"));
            }
        }
    }
}

/// <summary>
/// Whether a body can make 规章 (立法法 第九十三条: the people's governments of provinces, autonomous regions,
/// municipalities, 设区的市 and 自治州). Read from what is stated, never guessed: departments and townships
/// cannot; a people's government's level comes from its 6-digit administrative division code (or the first
/// six digits of a 12-digit one) or, failing that, from its name; unknown otherwise.
/// </summary>
internal sealed record RulePower(bool CanMakeRules, string Description)
{
    public static RulePower? Of(ReportValidationContext context) => context.OrganizationKind switch
    {
        OrganizationKind.Department => new(false, "政府部门"),
        OrganizationKind.Township => new(false, "乡镇（街道）"),
        OrganizationKind.PeoplesGovernment => FromCode(context.OrganizationCode) ?? FromName(context.OrganizationName),
        _ => null,
    };

    private static RulePower? FromCode(string? code)
    {
        if (code is null || !(code.Length == 6 || (code.Length == 12 && code.EndsWith("000000", StringComparison.Ordinal))) ||
            !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var division = code[..6];
        return division.EndsWith("00", StringComparison.Ordinal)
            ? new(true, "省、市级人民政府")
            : new(false, "县级人民政府");
    }

    private static RulePower? FromName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var trimmed = name.Trim();
        if (!trimmed.EndsWith("人民政府", StringComparison.Ordinal))
        {
            return null;
        }

        var body = trimmed[..^"人民政府".Length];
        if (body.EndsWith("省", StringComparison.Ordinal) || body.EndsWith("自治区", StringComparison.Ordinal) ||
            body.EndsWith("自治州", StringComparison.Ordinal))
        {
            return new(true, "省级或设区的市级人民政府");
        }

        return body.EndsWith("县", StringComparison.Ordinal) || body.EndsWith("旗", StringComparison.Ordinal) || body.EndsWith("区", StringComparison.Ordinal)
            ? new(false, "县级人民政府")
            : null;
    }
}
