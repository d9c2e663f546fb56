using Rind.Cli;

namespace Rind.Tests.Cli;

/// <summary>The Kubernetes options as the parser reads them, and what it refuses from the options alone.</summary>
public sealed class KubernetesOptionParsingTests
{
    [Fact]
    public void The_kubernetes_options_are_read_in_their_long_and_short_forms()
    {
        var invocation = InvocationParser.Parse(["--kube", "--kube-context", "staging", "-n", "shop", "-c", "web-", "ls"]);

        Assert.True(invocation.Kube);
        Assert.Equal("staging", invocation.KubeContext);
        Assert.Equal("shop", invocation.Namespace);
        Assert.Equal("web-", invocation.Container);
        Assert.Equal(["ls"], invocation.Command);
    }

    [Fact]
    public void The_namespace_is_read_after_an_equals_sign_and_bundled_too()
    {
        var longForm = InvocationParser.Parse(["--namespace=shop", "--kube-context=dev", "ls"]);
        var bundled = InvocationParser.Parse(["-vnshop", "ls"]);

        Assert.Equal(("shop", "dev"), (longForm.Namespace, longForm.KubeContext));
        Assert.Equal("shop", bundled.Namespace);
        Assert.True(bundled.Verbose);
    }

    [Fact]
    public void Without_the_options_kubernetes_is_not_asked_for()
    {
        var invocation = InvocationParser.Parse(["ls"]);

        Assert.False(invocation.Kube);
        Assert.Null(invocation.KubeContext);
        Assert.Null(invocation.Namespace);
    }

    [Fact]
    public void The_namespace_option_after_the_command_belongs_to_the_command()
    {
        var invocation = InvocationParser.Parse(["--kube", "kubectl", "-n", "x", "--kube"]);

        Assert.Null(invocation.Namespace);
        Assert.Equal(["kubectl", "-n", "x", "--kube"], invocation.Command);
    }

    [Theory]
    [InlineData(new[] { "-H", "tcp://h:2375" }, "-H/--host cannot be given with --kube: it chooses a Docker engine")]
    [InlineData(new[] { "--context", "remote" }, "--context cannot be given with --kube: it chooses a Docker context; --kube-context chooses a kubeconfig context")]
    [InlineData(new[] { "-s", "web" }, "-s/--service cannot be given with --kube: a cluster has no compose services; -c picks a pod by name or the start of one")]
    [InlineData(new[] { "-u", "root" }, "-u/--user cannot be given with --kube: the Kubernetes exec API cannot change the user")]
    [InlineData(new[] { "--privileged" }, "--privileged cannot be given with --kube: the Kubernetes exec API cannot give extended privileges")]
    public void A_docker_only_option_with_kube_is_a_one_line_error_with_exit_code_125(string[] option, string expected)
    {
        var exception = Assert.Throws<RindException>(() => InvocationParser.Parse([.. option, "--kube", "ls"]));

        Assert.Equal(expected + " (see 'rind --help')", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void The_kubernetes_only_options_without_kube_are_left_for_the_environment_to_judge()
    {
        var invocation = InvocationParser.Parse(["-n", "shop", "--kube-context", "dev", "ls"]);

        Assert.Equal(("shop", "dev"), (invocation.Namespace, invocation.KubeContext));
    }

    [Fact]
    public void The_docker_options_without_kube_are_left_for_the_environment_to_judge()
    {
        var invocation = InvocationParser.Parse(["-H", "unix:///x.sock", "-s", "web", "-u", "1000", "--privileged", "ls"]);

        Assert.Equal("unix:///x.sock", invocation.Host);
        Assert.False(invocation.Kube);
    }
}
