using Microsoft.Extensions.DependencyInjection;

namespace GovInfoPortal.Documents.Tests;

public sealed class RendererRegistrationTests
{
    [Fact]
    public void Registers_every_download_with_its_content_type()
    {
        using var provider = new ServiceCollection().AddReportRenderers().BuildServiceProvider();

        var renderers = provider.GetServices<IReportRenderer>().ToDictionary(r => r.Extension, r => r.ContentType);

        Assert.Equal("application/pdf", renderers["pdf"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", renderers["docx"]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", renderers["xlsx"]);
        Assert.Equal("text/csv; charset=utf-8", renderers["csv"]);
        Assert.Equal("application/json; charset=utf-8", renderers["json"]);
    }

    [Fact]
    public async Task Every_renderer_writes_asynchronously_to_a_stream_that_forbids_synchronous_writes()
    {
        using var provider = new ServiceCollection().AddReportRenderers().BuildServiceProvider();

        foreach (var renderer in provider.GetServices<IReportRenderer>())
        {
            using var response = new AsyncOnlyStream();
            await renderer.RenderAsync(TestReports.Quangang2023, response);

            Assert.True(response.Length > 0, renderer.Extension);
        }
    }

    /// <summary>Like an HTTP response body: writes must be asynchronous, and it cannot seek or be read.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written.Length;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _written.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
