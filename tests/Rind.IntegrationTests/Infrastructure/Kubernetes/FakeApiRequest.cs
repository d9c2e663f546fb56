namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>A request as the fake API server received it, before it was answered.</summary>
/// <param name="PathAndQuery">The path and the query as sent, still encoded.</param>
/// <param name="Protocol">HTTP/1.1 or HTTP/2.</param>
public sealed record FakeApiRequest(string Method, string PathAndQuery, string Protocol, string? Accept, string? UserAgent)
{
    public override string ToString() => $"{Method} {PathAndQuery} ({Protocol})";
}
