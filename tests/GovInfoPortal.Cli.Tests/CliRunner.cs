using System.Text.Json.Nodes;
using GovInfoPortal.Testing;

namespace GovInfoPortal.Cli.Tests;

/// <summary>The outcome of one in-process run of <c>govinfo</c>.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonArray Json => JsonNode.Parse(Out)!.AsArray();
}

public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs with <paramref name="stdin"/> as the standard input (not a terminal).</summary>
    public static async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await Cli.RunAsync(args, input, stdout, stderr, interactive: false);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder with copies of the example reports, deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "govinfo-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Copies a sample report (<see cref="SampleReports"/>) into the folder and returns its path.</summary>
    public string Copy(string sampleFile)
    {
        var target = System.IO.Path.Combine(Path, sampleFile);
        File.Copy(SampleReports.PathOf(sampleFile), target);
        return target;
    }

    /// <summary>Writes a variant of a sample report, changed by <paramref name="change"/>, and returns its path.</summary>
    public string Variant(string sampleFile, string name, Action<JsonObject> change)
    {
        var document = JsonNode.Parse(SampleReports.Json(sampleFile))!.AsObject();
        change(document);
        return Write(name, document.ToJsonString());
    }

    public string Write(string name, string content)
    {
        var target = System.IO.Path.Combine(Path, name);
        File.WriteAllText(target, content);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a SQLite pool) leaves the folder for the OS to clean.
        }
    }
}
