using BenchmarkDotNet.Running;
using GovInfoPortal.Benchmarks;

if (args is ["throughput", ..])
{
    // A plain measurement over many reports: reports validated per second, on one thread and on every core.
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000;
    ValidationThroughput.Run(count, Console.Out);
    return;
}

if (args is ["groups", ..])
{
    // Microseconds per report of each group of rules (and of reading the figures), on one thread.
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    ValidationGroups.Run(count, Console.Out);
    return;
}

if (args is ["peer-check", ..])
{
    // narrative.copiedFromPeer against a year of synthetic reports; the results go to bench/results/peer-check.md.
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    var results = args.Length > 2 ? args[2] : Path.Combine("bench", "results", "peer-check.md");
    await PeerCheck.RunAsync(count, Console.Out, results);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point, named for BenchmarkSwitcher.</summary>
public partial class Program;
