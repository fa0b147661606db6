using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Socle.BuildingBlocks.Errors;

namespace Socle.BuildingBlocks.Web;

/// <summary>
/// Refuses request bodies over the limit with a 413, whatever the server: a declared Content-Length is checked
/// at once, and a chunked body is cut off as soon as it passes the limit. An endpoint that carries documents
/// raises its own limit with <see cref="RequestBodyLimits.WithRequestBodyLimit{TBuilder}"/>.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, long defaultMaxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        var maxBytes = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            throw CommonErrors.BodyTooLarge.WithMessage($"The request body exceeds {maxBytes} bytes.").ToException();
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, maxBytes);
        return next(context);
    }

    private sealed class LimitedReadStream(Stream inner, long maxBytes) : Stream
    {
        private long total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            total += read;
            return total > maxBytes
                ? throw CommonErrors.BodyTooLarge.WithMessage($"The request body exceeds {maxBytes} bytes.").ToException()
                : read;
        }
    }
}
