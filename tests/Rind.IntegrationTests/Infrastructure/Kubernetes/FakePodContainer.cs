using Docker.DotNet.Models;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>A container of a fake pod: its name in the pod, and the test engine's container its execs run in.</summary>
public sealed record FakePodContainer(string Name, string EngineContainerId, string Image = TestImages.Busybox)
{
    /// <summary>What <c>hostname</c> prints in it: the engine names a container's host by the start of its id.</summary>
    public string Hostname => EngineContainerId[..12];

    /// <summary>Its processes, one line each, as the engine's <c>top</c> shows them.</summary>
    public Task<IReadOnlyList<string>> ProcessesAsync() => TestEngine.ProcessesAsync(EngineContainerId);

    /// <summary>
    /// Runs a command in it through the engine, past the fake API server, to see what a test's command
    /// left behind: the command's exit code.
    /// </summary>
    public async Task<long> RunInEngineAsync(params string[] command)
    {
        var execId = await TestEngine.CreateExecAsync(
            EngineContainerId, new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true });
        using (var stream = await TestEngine.StartExecAsync(execId, tty: false, CancellationToken.None))
        {
            await stream.ReadOutputToEndAsync(CancellationToken.None);
        }

        // The engine may still report the process running for a moment after its output ended.
        for (var attempt = 0; ; attempt++)
        {
            var exec = await TestEngine.InspectExecAsync(execId);
            if (!exec.Running || attempt == 500)
            {
                return exec.ExitCode ?? -1;
            }

            await Task.Delay(10);
        }
    }
}
