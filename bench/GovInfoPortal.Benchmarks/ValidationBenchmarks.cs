using BenchmarkDotNet.Attributes;
using GovInfoPortal.Core.Domain;
using GovInfoPortal.Core.Formats;
using GovInfoPortal.Core.Validation;
using GovInfoPortal.Data.Seeding;

namespace GovInfoPortal.Benchmarks;

/// <summary>
/// The validator on real report figures (target: at least 100,000 reports a second). One operation
/// validates one report; reports/s = 1 s / mean.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly ReportValidationService _service = new();
    private ReportValidationContext _clean = null!;
    private ReportValidationContext _withLastYear = null!;
    private ReportValidationContext _withErrors = null!;

    [GlobalSetup]
    public void Setup()
    {
        var quangang = DemoDataSeeder.DemoReports().Single(r => r.Format == ReportFormat.Format2021);
        _clean = new ReportValidationContext(quangang, OrganizationKind: quangang.Organization.EffectiveKind);

        var lastYear = quangang with { Year = 2022, PublishedOn = new DateOnly(2023, 1, 20) };
        _withLastYear = new ReportValidationContext(quangang, lastYear, OrganizationKind: OrganizationKind.PeoplesGovernment);

        var broken = quangang with
        {
            Applications = quangang.Applications
                .With("granted", "naturalPerson", 21m)
                .With("carriedForward", "total", null),
        };
        _withErrors = new ReportValidationContext(broken, OrganizationKind: OrganizationKind.PeoplesGovernment);
    }

    [Benchmark(Baseline = true)]
    public ValidationReport CleanReport() => _service.Validate(_clean);

    [Benchmark]
    public ValidationReport WithLastYear() => _service.Validate(_withLastYear);

    [Benchmark]
    public ValidationReport WithErrors() => _service.Validate(_withErrors);
}
