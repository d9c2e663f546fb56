using Rind.Platform;

namespace Rind.Engine;

/// <summary>
/// Which engine to talk to and how, read from the environment the way the Docker CLI reads it.
/// </summary>
/// <param name="ApiVersion">The API version to speak without negotiating, from DOCKER_API_VERSION.</param>
internal sealed record EngineSettings(EngineEndpoint Endpoint, ApiVersion? ApiVersion)
{
    public static EngineSettings FromEnvironment(IEnvironment environment)
    {
        var endpoint = EngineEndpointParser.Parse(environment.GetVariable("DOCKER_HOST"));

        var requested = environment.GetVariable("DOCKER_API_VERSION");
        if (string.IsNullOrWhiteSpace(requested))
        {
            return new EngineSettings(endpoint, null);
        }

        return Engine.ApiVersion.TryParse(requested, out var version)
            ? new EngineSettings(endpoint, version)
            : throw new RindException($"DOCKER_API_VERSION={requested} is not an API version such as 1.41");
    }
}
