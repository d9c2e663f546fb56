using Rind.Cli;
using Rind.Tests.Fakes;

namespace Rind.Tests.Cli;

/// <summary>Whether --kube or RIND_KUBE turn Kubernetes mode on, and the options each mode refuses.</summary>
public sealed class KubernetesModeTests
{
    private static readonly Invocation Plain = InvocationParser.Parse(["ls"]);

    [Fact]
    public void Kubernetes_mode_is_off_without_the_option_or_the_variable()
    {
        Assert.False(KubernetesMode.IsOn(Plain, new FakeEnvironment()));
    }

    [Fact]
    public void The_kube_option_turns_kubernetes_mode_on()
    {
        Assert.True(KubernetesMode.IsOn(InvocationParser.Parse(["--kube", "ls"]), new FakeEnvironment()));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData(" yes\n")]
    public void The_variable_turns_kubernetes_mode_on(string value)
    {
        Assert.True(KubernetesMode.IsOn(Plain, new FakeEnvironment(("RIND_KUBE", value))));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("")]
    [InlineData("  ")]
    public void The_variable_turns_kubernetes_mode_off(string value)
    {
        Assert.False(KubernetesMode.IsOn(Plain, new FakeEnvironment(("RIND_KUBE", value))));
    }

    [Theory]
    [InlineData("2", "RIND_KUBE=2")]
    [InlineData("on", "RIND_KUBE=on")]
    [InlineData("y\u001b[2J", "RIND_KUBE=y\\x1b[2J")]
    public void Any_other_value_of_the_variable_is_a_one_line_error_naming_the_accepted_ones(string value, string shown)
    {
        var exception = Assert.Throws<RindException>(() => KubernetesMode.IsOn(Plain, new FakeEnvironment(("RIND_KUBE", value))));

        Assert.Equal($"{shown} is neither on (1, true or yes) nor off (0, false, no or empty)", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void The_kube_option_outranks_the_variable_whatever_it_holds()
    {
        var invocation = InvocationParser.Parse(["--kube", "ls"]);

        Assert.True(KubernetesMode.IsOn(invocation, new FakeEnvironment(("RIND_KUBE", "0"))));
        Assert.True(KubernetesMode.IsOn(invocation, new FakeEnvironment(("RIND_KUBE", "maybe"))));
    }

    [Theory]
    [InlineData(new[] { "-n", "shop" }, "-n/--namespace")]
    [InlineData(new[] { "--namespace=shop" }, "-n/--namespace")]
    [InlineData(new[] { "--kube-context", "dev" }, "--kube-context")]
    public void A_kubernetes_only_option_outside_kubernetes_mode_is_a_one_line_error(string[] option, string named)
    {
        var invocation = InvocationParser.Parse([.. option, "ls"]);

        var exception = Assert.Throws<RindException>(() => KubernetesMode.IsOn(invocation, new FakeEnvironment(("RIND_KUBE", "no"))));

        Assert.Equal($"{named} applies to Kubernetes mode only: add --kube, or set RIND_KUBE=1 (see 'rind --help')", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void The_kubernetes_only_options_fit_when_the_variable_turns_the_mode_on()
    {
        var invocation = InvocationParser.Parse(["-n", "shop", "--kube-context", "dev", "ls"]);

        Assert.True(KubernetesMode.IsOn(invocation, new FakeEnvironment(("RIND_KUBE", "1"))));
    }

    [Theory]
    [InlineData(new[] { "-H", "tcp://h:2375" }, "-H/--host", "it chooses a Docker engine")]
    [InlineData(new[] { "--context", "remote" }, "--context", "it chooses a Docker context; --kube-context chooses a kubeconfig context")]
    [InlineData(new[] { "--service=web" }, "-s/--service", "a cluster has no compose services; -c picks a pod by name or the start of one")]
    [InlineData(new[] { "-u", "0" }, "-u/--user", "the Kubernetes exec API cannot change the user")]
    [InlineData(new[] { "--privileged" }, "--privileged", "the Kubernetes exec API cannot give extended privileges")]
    public void A_docker_only_option_under_the_variable_is_a_one_line_error_naming_the_variable(string[] option, string named, string reason)
    {
        var invocation = InvocationParser.Parse([.. option, "ls"]);

        var exception = Assert.Throws<RindException>(() => KubernetesMode.IsOn(invocation, new FakeEnvironment(("RIND_KUBE", "true"))));

        Assert.Equal($"{named} cannot be given in Kubernetes mode, which RIND_KUBE turns on: {reason} (see 'rind --help')", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void The_docker_options_fit_when_kubernetes_mode_is_off()
    {
        var invocation = InvocationParser.Parse(["-H", "unix:///x.sock", "-s", "web", "-u", "1000", "--privileged", "ls"]);

        Assert.False(KubernetesMode.IsOn(invocation, new FakeEnvironment(("RIND_KUBE", "false"))));
    }

    [Fact]
    public void The_variables_of_the_docker_mode_are_passed_over_in_kubernetes_mode()
    {
        var environment = new FakeEnvironment(
            ("RIND_KUBE", "1"), ("DOCKER_HOST", "tcp://h:2375"), ("DOCKER_CONTEXT", "remote"), ("RIND_SERVICE", "web"));

        Assert.True(KubernetesMode.IsOn(Plain, environment));
    }
}
