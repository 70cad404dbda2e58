namespace GovInfoPortal.Documents;

/// <summary>
/// Renderings are made in memory and then written out asynchronously: the PDF and Office libraries write
/// synchronously (and Office packages need a seekable stream), which an HTTP response does not allow.
/// </summary>
internal static class RenderedOutput
{
    public static async Task CopyAsync(byte[] rendered, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(rendered, cancellationToken);
    }

    public static Task RenderAsync(Action<Stream> render, Stream output, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        render(buffer);
        return CopyAsync(buffer.ToArray(), output, cancellationToken);
    }
}
