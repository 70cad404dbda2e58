using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Documents;

/// <summary>The CSV download.</summary>
public sealed class CsvRenderer : IReportRenderer
{
    public string Extension => "csv";

    public string ContentType => CsvReportRenderer.ContentType;

    public Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default) =>
        RenderedOutput.RenderAsync(buffer => CsvReportRenderer.Render(report, buffer), output, cancellationToken);
}

/// <summary>The JSON download, in the interchange format.</summary>
public sealed class JsonRenderer : IReportRenderer
{
    public string Extension => "json";

    public string ContentType => "application/json; charset=utf-8";

    public Task RenderAsync(ReportDocument report, Stream output, CancellationToken cancellationToken = default) =>
        RenderedOutput.RenderAsync(buffer => ReportDocumentWriter.Write(buffer, report), output, cancellationToken);
}
