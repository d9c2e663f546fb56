using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A container the test starts (without a network) and removes again.
/// </summary>
public sealed class LabelledContainer : IAsyncDisposable
{
    private LabelledContainer(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string Name { get; }

    /// <param name="preStep">The value of app.rind; null for the bare label, as compose's <c>labels: [app.rind]</c> makes.</param>
    /// <param name="labelled">false for a container without app.rind.</param>
    /// <param name="labels">Labels beside app.rind, such as compose's or app.rind.user.</param>
    /// <param name="environment">Variables as NAME=VALUE.</param>
    /// <param name="binds">Folders of this machine mounted as HOST:CONTAINER.</param>
    /// <param name="workingDirectory">The container's own folder; the image's when null.</param>
    public static async Task<LabelledContainer> StartAsync(
        string image = TestImages.Busybox,
        string? preStep = null,
        bool labelled = true,
        IReadOnlyDictionary<string, string>? labels = null,
        IList<string>? environment = null,
        IList<string>? binds = null,
        string? workingDirectory = null)
    {
        var name = "rind-it-" + Guid.NewGuid().ToString("N")[..10];
        var allLabels = new Dictionary<string, string>(labels ?? new Dictionary<string, string>());
        if (labelled)
        {
            allLabels["app.rind"] = preStep ?? "";
        }

        var id = await TestEngine.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = image,
            Cmd = ["sleep", "infinity"],
            Labels = allLabels,
            Env = environment ?? [],
            WorkingDir = workingDirectory ?? "",
            HostConfig = new HostConfig { Binds = binds ?? [] },
        });
        try
        {
            await TestEngine.StartContainerAsync(id);
        }
        catch
        {
            // A labelled container that never ran would be in the way of the tests after this one.
            await TestEngine.RemoveContainerAsync(id);
            throw;
        }

        return new LabelledContainer(id, name);
    }

    /// <summary>Stops it at once (SIGKILL); it stays, stopped, until disposed.</summary>
    public Task StopAsync() => TestEngine.KillContainerAsync(Id);

    /// <summary>Its processes, one line each, as the engine's <c>top</c> shows them.</summary>
    public Task<IReadOnlyList<string>> ProcessesAsync() => TestEngine.ProcessesAsync(Id);

    public async ValueTask DisposeAsync() => await TestEngine.RemoveContainerAsync(Id);
}
