using System.Runtime.InteropServices;

namespace Rind.IntegrationTests.Infrastructure.Kubernetes;

/// <summary>
/// A fake cluster as a process of its own: it starts the cluster with one running pod labelled
/// app.rind (a container of the test engine, from rind-test/busybox), writes a kubeconfig for it,
/// says <c>ready</c> on stdout, and when its stdin ends or it gets SIGTERM or SIGINT, removes
/// all of that again and exits.
/// </summary>
internal static class FakeClusterProcess
{
    public const string ReadyLine = "ready";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var (options, error) = FakeClusterProcessOptions.Parse(arguments);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"fake-cluster: {error}; usage: fake-cluster {FakeClusterProcessOptions.Usage}");
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Registered before anything starts, so that a signal during the start still removes what was started.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Stop(context, stop));
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Stop(context, stop));
        FakeCluster? cluster = null;
        try
        {
            cluster = await FakeCluster.StartAsync(KubeTestTransport.For(options.Transport));
            await cluster.RunPodAsync(options.PodName, labels: PodLabels.Rind);
            cluster.WriteKubeconfig(options.KubeconfigPath);
            WatchForEndOfInput(stop);
            await Console.Out.WriteLineAsync(ReadyLine);
            await stop.Task;
            return 0;
        }
        catch (Exception exception)
        {
            await Console.Error.WriteLineAsync($"fake-cluster: {exception.Message}");
            return 1;
        }
        finally
        {
            if (cluster is not null)
            {
                await cluster.DisposeAsync();
            }

            File.Delete(options.KubeconfigPath);
        }
    }

    private static void Stop(PosixSignalContext context, TaskCompletionSource stop)
    {
        // The process ends once what it started is gone, not at once.
        context.Cancel = true;
        stop.TrySetResult();
    }

    // A thread of its own, which blocks on stdin for the whole run; a background one, so that it does not keep the process.
    private static void WatchForEndOfInput(TaskCompletionSource stop) =>
        new Thread(() =>
        {
            using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            try
            {
                while (input.Read(buffer) > 0)
                {
                    // Only the end counts.
                }
            }
            finally
            {
                stop.TrySetResult();
            }
        })
        { IsBackground = true, Name = "fake-cluster stdin" }.Start();
}
