using Rind.Kubernetes.Configuration;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class KubeconfigMergerTests
{
    [Fact]
    public void Each_name_comes_whole_from_the_first_file_that_defines_it()
    {
        var first = new Kubeconfig
        {
            Clusters = new Dictionary<string, KubeconfigCluster> { ["lab"] = new() { Server = "https://first" } },
            Users = new Dictionary<string, KubeconfigUser> { ["alice"] = new() { Token = "first" } },
        };
        var second = new Kubeconfig
        {
            Clusters = new Dictionary<string, KubeconfigCluster>
            {
                ["lab"] = new() { Server = "https://second", TlsServerName = "not merged in" },
                ["prod"] = new() { Server = "https://prod" },
            },
            Contexts = new Dictionary<string, KubeconfigContext> { ["dev"] = new("lab", "alice", null) },
            Users = new Dictionary<string, KubeconfigUser> { ["alice"] = new() { TokenFile = "/not/merged/in" } },
        };

        var merged = KubeconfigMerger.Merge([first, second]);

        Assert.Equal(new KubeconfigCluster { Server = "https://first" }, merged.Clusters["lab"]);
        Assert.Equal("https://prod", merged.Clusters["prod"].Server);
        Assert.Equal(new KubeconfigContext("lab", "alice", null), merged.Contexts["dev"]);
        Assert.Equal(new KubeconfigUser { Token = "first" }, merged.Users["alice"]);
    }

    [Fact]
    public void Current_context_comes_from_the_first_file_that_sets_it()
    {
        var merged = KubeconfigMerger.Merge([new Kubeconfig(), new Kubeconfig { CurrentContext = "second" }, new Kubeconfig { CurrentContext = "third" }]);

        Assert.Equal("second", merged.CurrentContext);
    }
}
