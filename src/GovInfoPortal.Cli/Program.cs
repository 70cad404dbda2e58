using System.Text;
using GovInfoPortal.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await Cli.RunAsync(args, Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected, cancellation.Token);
