namespace Rind.IntegrationTests.Infrastructure;

/// <summary>One request as <see cref="FaultyEngine"/> received it.</summary>
/// <param name="Path">The path with its query, as sent.</param>
public sealed record FaultyEngineRequest(string Method, string Path, string Body)
{
    /// <summary>The path without the API version prefix and the query: /_ping, /containers/json, /exec/e1/start.</summary>
    public string Endpoint
    {
        get
        {
            var path = Path.Split('?', 2)[0];
            return path.StartsWith("/v1.", StringComparison.Ordinal) ? path[path.IndexOf('/', 1)..] : path;
        }
    }
}
