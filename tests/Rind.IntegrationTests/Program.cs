using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The test assembly run as a program (<c>dotnet Rind.IntegrationTests.dll fake-cluster …</c>), for
/// scripts that need a piece of the test infrastructure as a process of their own: build/bench.sh
/// runs the fake cluster so. The test runner loads the assembly without calling this.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args is ["fake-cluster", .. var rest])
        {
            return await FakeClusterProcess.RunAsync(rest);
        }

        await Console.Error.WriteLineAsync("usage: dotnet Rind.IntegrationTests.dll fake-cluster " + FakeClusterProcessOptions.Usage);
        return 2;
    }
}
