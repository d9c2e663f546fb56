using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// The engine the tests' containers live on, through its API: every container and image the tests
/// make, look into or remove goes through here, so that the tests need no docker command.
/// </summary>
public static class TestEngine
{
    /// <summary>Every container the tests make carries this label, and only those are ever removed.</summary>
    public const string TestLabel = "rind.test";

    /// <summary>
    /// The engine's address for the tests' own calls when DOCKER_HOST names it in a way they do not
    /// speak (ssh://, or tcp:// with TLS): build/test.sh sets it to the engine's Unix socket in the
    /// passes that point rind at the TLS listener or the sshd.
    /// </summary>
    public const string HostVariable = "RIND_FIXTURE_HOST";

    // For each request; the slowest are a kill and a forced removal, answered once the container has stopped.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<DockerClient> Client = new(() => Connect(RequestTimeout));

    // An exec's stream lasts as long as its command runs, so its client has no deadline.
    private static readonly Lazy<DockerClient> StreamingClient = new(() => Connect(Timeout.InfiniteTimeSpan));

    /// <summary>Where the tests' own calls go: <see cref="HostVariable"/>, else DOCKER_HOST, else the default socket.</summary>
    public static string Address =>
        IsSet(HostVariable) ? Environment.GetEnvironmentVariable(HostVariable)!
        : IsSet("DOCKER_HOST") ? Environment.GetEnvironmentVariable("DOCKER_HOST")!
        : "unix:///var/run/docker.sock";

    /// <summary>Creates a container as <paramref name="parameters"/> say, with the tests' label, no network and the run options.</summary>
    public static async Task<string> CreateContainerAsync(CreateContainerParameters parameters)
    {
        parameters.Labels = new Dictionary<string, string>(parameters.Labels ?? new Dictionary<string, string>()) { [TestLabel] = "" };
        parameters.HostConfig ??= new HostConfig();
        parameters.HostConfig.NetworkMode = "none";
        parameters.HostConfig.Ulimits = TestRunOptions.Ulimits();
        return (await Client.Value.Containers.CreateContainerAsync(parameters)).ID;
    }

    public static Task StartContainerAsync(string id) => Client.Value.Containers.StartContainerAsync(id, new ContainerStartParameters());

    /// <summary>Sends SIGKILL, as docker kill does; the engine answers once the container has stopped.</summary>
    public static Task KillContainerAsync(string id) => Client.Value.Containers.KillContainerAsync(id, new ContainerKillParameters());

    /// <summary>Removes a container, running or not; one already gone, or going, is fine.</summary>
    public static async Task RemoveContainerAsync(string id)
    {
        try
        {
            await Client.Value.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }
        catch (DockerContainerNotFoundException)
        {
            // Gone already.
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict
            && exception.ResponseBody?.Contains("already in progress", StringComparison.Ordinal) == true)
        {
            // Going: another removal of it has begun.
        }
    }

    /// <summary>Removes every container the tests made, running or not.</summary>
    public static async Task RemoveTestContainersAsync()
    {
        foreach (var container in await ListContainersAsync(TestLabel, all: true))
        {
            await RemoveContainerAsync(container.ID);
        }
    }

    /// <summary>The containers that carry <paramref name="label"/>: running ones, or all with <paramref name="all"/>.</summary>
    public static async Task<IList<ContainerListResponse>> ListContainersAsync(string label, bool all) =>
        await Client.Value.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = all,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
        });

    /// <summary>The processes running in a container, one line each with its columns as the engine's <c>top</c> gives them.</summary>
    public static async Task<IReadOnlyList<string>> ProcessesAsync(string id)
    {
        var top = await Client.Value.Containers.ListProcessesAsync(id, new ContainerListProcessesParameters());

        // Joined, not picked by title: Podman 4.3 gives each process as one column, a line of the container's own ps.
        return [.. (top.Processes ?? []).Select(columns => string.Join(' ', columns))];
    }

    public static Task<ImageInspectResponse> InspectImageAsync(string name) => Client.Value.Images.InspectImageAsync(name);

    /// <summary>Makes an image of a container, with Dockerfile instructions such as LABEL applied on top.</summary>
    public static Task CommitAsync(string containerId, string repository, string tag, IList<string> changes) =>
        Client.Value.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
        {
            ContainerID = containerId,
            RepositoryName = repository,
            Tag = tag,
            Changes = changes,
        });

    /// <summary>Removes an image, even while a stopped container still refers to it.</summary>
    /// <summary>Makes an image of a container's file system, as export piped into import does, with Dockerfile <paramref name="changes"/>.</summary>
    public static async Task ImportAsync(string containerId, string repository, string tag, IList<string> changes)
    {
        await using var files = await Client.Value.Containers.ExportContainerAsync(containerId);
        await Client.Value.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = repository, Tag = tag, Changes = changes },
            files,
            authConfig: null,
            progress: new Progress<JSONMessage>());
    }

    public static Task RemoveImageAsync(string name) => Client.Value.Images.DeleteImageAsync(name, new ImageDeleteParameters { Force = true });

    /// <summary>Creates an exec in a running container; its id.</summary>
    public static async Task<string> CreateExecAsync(string containerId, ContainerExecCreateParameters parameters) =>
        (await Client.Value.Exec.CreateContainerExecAsync(containerId, parameters)).ID;

    /// <summary>Starts an exec attached: its streams, multiplexed unless it has a terminal.</summary>
    public static Task<MultiplexedStream> StartExecAsync(string execId, bool tty, CancellationToken cancellationToken) =>
        StreamingClient.Value.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { TTY = tty }, cancellationToken);

    public static Task<ContainerExecInspectResponse> InspectExecAsync(string execId) => Client.Value.Exec.InspectContainerExecAsync(execId);

    public static Task ResizeExecAsync(string execId, int width, int height) =>
        Client.Value.Exec.ResizeExecTtyAsync(execId, new ContainerResizeParameters { Width = width, Height = height });

    private static DockerClient Connect(TimeSpan timeout)
    {
        var tls = IsSet("DOCKER_TLS_VERIFY") || IsSet("DOCKER_TLS");
        if (!IsSet(HostVariable)
            && (Address.StartsWith("ssh://", StringComparison.Ordinal) || (Address.StartsWith("tcp://", StringComparison.Ordinal) && tls)))
        {
            throw new InvalidOperationException(
                $"the tests reach the engine for their own containers at a unix:// or plain tcp:// address, and DOCKER_HOST is {Address}" +
                (tls ? " with TLS" : "") + $": set {HostVariable} to the engine's unix:// socket");
        }

        return new DockerClientBuilder().WithEndpoint(new Uri(Address)).WithTimeout(timeout).Build();
    }

    private static bool IsSet(string variable) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable));
}
