using GovInfoPortal.Core.Interchange;

namespace GovInfoPortal.Testing;

/// <summary>
/// The example reports of the interchange format every test project shares (<c>SampleReports/</c>, copied
/// beside each test assembly): their files, their JSON text and the documents the reader makes of them.
/// </summary>
public static class SampleReports
{
    /// <summary>泉州市泉港区人民政府 2023, format 2021: a clean report.</summary>
    public const string Quangang2023File = "quangang-2023.json";

    /// <summary>泉州市泉港区人民政府 2022, format 2021: the year before <see cref="Quangang2023File"/>.</summary>
    public const string Quangang2022File = "quangang-2022.json";

    /// <summary>晋江市西园街道办事处 2020, format 2019, all zero: a clean report.</summary>
    public const string Xiyuan2020File = "xiyuan-2020.json";

    /// <summary>The folder of the sample files beside the running test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "SampleReports");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static string Json(string file) => File.ReadAllText(PathOf(file));

    /// <summary>The document of a sample file, as the interchange reader reads it.</summary>
    public static ReportDocument Read(string file)
    {
        var result = ReportDocumentReader.Read(Json(file));
        return result.Success ? result.Document!
            : throw new InvalidOperationException($"{file} is not a valid report: {string.Join("; ", result.Errors)}");
    }

    public static ReportDocument Quangang2023 => Read(Quangang2023File);

    public static ReportDocument Quangang2022 => Read(Quangang2022File);

    public static ReportDocument Xiyuan2020 => Read(Xiyuan2020File);
}
