using BenchmarkDotNet.Attributes;
using GovInfoPortal.Core.Interchange;
using GovInfoPortal.Data.Seeding;
using GovInfoPortal.Documents.Excel;
using GovInfoPortal.Documents.Pdf;
using GovInfoPortal.Documents.Word;

namespace GovInfoPortal.Documents.Benchmarks;

/// <summary>
/// One download of the 泉港区 2023 report (three pages, three tables) in each format. The target for the PDF
/// is at most 200 ms and 200 KB; the fonts are read once per process, in the global setup.
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private ReportDocument _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = DemoDataSeeder.DemoReports().Single(r => r.Organization.Code == "350505");
        PdfRenderer.Render(_report);
    }

    [Benchmark]
    public int Pdf() => PdfRenderer.Render(_report).Length;

    [Benchmark]
    public int Word() => WordRenderer.Render(_report).Length;

    [Benchmark]
    public int Excel() => ExcelRenderer.Render(_report).Length;
}
