using Rind.Kubernetes.Configuration;

namespace Rind.Tests.Kubernetes.Configuration;

public sealed class ExecPluginRulesTests
{
    private const string Owner = "the exec credential plugin of user \"alice\"";

    [Theory]
    [InlineData(ExecPluginRules.V1, "Never", "Never")]
    [InlineData(ExecPluginRules.V1, "Always", "Always")]
    [InlineData(ExecPluginRules.V1Beta1, null, "IfAvailable")]
    [InlineData(ExecPluginRules.V1Beta1, "Never", "Never")]
    public void The_mode_in_force_is_the_one_set_or_IfAvailable_for_v1beta1(string apiVersion, string? mode, string expected)
    {
        Assert.Equal(expected, ExecPluginRules.Check(new ExecPluginConfig(apiVersion, "aws", mode), "alice"));
    }

    [Theory]
    [InlineData(ExecPluginRules.V1, null, "aws", $"{Owner} must set interactiveMode (Never, IfAvailable or Always) with apiVersion client.authentication.k8s.io/v1")]
    [InlineData(ExecPluginRules.V1, "Sometimes", "aws", $"{Owner} has interactiveMode \"Sometimes\", not Never, IfAvailable or Always")]
    [InlineData("client.authentication.k8s.io/v1alpha1", "Never", "aws", $"{Owner} has apiVersion \"client.authentication.k8s.io/v1alpha1\": rind speaks client.authentication.k8s.io/v1 and client.authentication.k8s.io/v1beta1")]
    [InlineData(ExecPluginRules.V1, "Never", "", $"{Owner} names no command")]
    public void An_entry_kubectl_would_not_run_is_refused(string apiVersion, string? mode, string command, string expected)
    {
        var message = Assert.Throws<RindException>(() => ExecPluginRules.Check(new ExecPluginConfig(apiVersion, command, mode), "alice")).Message;

        Assert.Equal(expected, message);
    }

    [Fact]
    public void An_env_entry_without_a_name_is_refused()
    {
        var plugin = new ExecPluginConfig(ExecPluginRules.V1, "aws", "Never") { Env = [new("", "value")] };

        Assert.Equal($"{Owner} has an env entry without a name", Assert.Throws<RindException>(() => ExecPluginRules.Check(plugin, "alice")).Message);
    }

    [Theory]
    [InlineData("Never", true, false)]
    [InlineData("IfAvailable", true, true)]
    [InlineData("IfAvailable", false, false)]
    [InlineData("Always", true, true)]
    public void A_plugin_is_interactive_only_with_a_terminal_on_stdin_and_a_mode_that_allows_it(string mode, bool terminal, bool expected)
    {
        Assert.Equal(expected, ExecPluginRules.IsInteractive(mode, terminal, "alice"));
    }

    [Fact]
    public void Always_without_a_terminal_on_stdin_is_refused()
    {
        var message = Assert.Throws<RindException>(() => ExecPluginRules.IsInteractive("Always", false, "alice")).Message;

        Assert.Equal($"{Owner} needs a terminal on stdin (interactiveMode Always), and rind's stdin is not one", message);
    }
}
