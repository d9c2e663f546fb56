namespace Rind.Transport.Http;

/// <summary>
/// A response's body is, or says it is, larger than rind reads: it was refused before it could fill memory.
/// </summary>
internal sealed class ResponseTooLargeException(long limit)
    : Exception($"the answer is larger than {limit / (1024 * 1024)} MiB")
{
    public long Limit { get; } = limit;
}
