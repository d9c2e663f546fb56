using Rind.Kubernetes.Configuration;
using Rind.Tests.Fakes;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class KubeconfigFilesTests
{
    [Fact]
    public void KUBECONFIG_names_files_separated_by_colons_without_empty_entries_or_repeats()
    {
        var files = KubeconfigFiles.Locate(new FakeEnvironment(("KUBECONFIG", "/a/one::/b/two:/a/one:"), ("HOME", "/home/dev")));

        Assert.Equal(["/a/one", "/b/two"], files.Paths);
        Assert.True(files.FromVariable);
    }

    [Fact]
    public void A_relative_entry_of_KUBECONFIG_is_taken_from_the_current_folder()
    {
        var files = KubeconfigFiles.Locate(new FakeEnvironment(("KUBECONFIG", "conf/dev.yaml")) { CurrentDirectory = "/home/me/project" });

        Assert.Equal(["/home/me/project/conf/dev.yaml"], files.Paths);
    }

    [Fact]
    public void Without_KUBECONFIG_the_file_is_config_in_dot_kube_in_the_home_folder()
    {
        var files = KubeconfigFiles.Locate(new FakeEnvironment(("KUBECONFIG", ""), ("HOME", "/home/dev")));

        Assert.Equal(["/home/dev/.kube/config"], files.Paths);
        Assert.False(files.FromVariable);
    }

    [Fact]
    public void Without_KUBECONFIG_or_HOME_there_is_no_file_to_read()
    {
        Assert.Empty(KubeconfigFiles.Locate(new FakeEnvironment()).Paths);
    }
}
