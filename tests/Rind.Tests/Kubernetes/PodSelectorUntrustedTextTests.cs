using Rind.Kubernetes;

namespace Rind.Tests.Kubernetes;

/// <summary>Names and phases a cluster (or whoever answers as one) chose, in rind's messages.</summary>
public sealed class PodSelectorUntrustedTextTests
{
    private const string TitleAndClear = "\u001b]0;pwned\u0007\u001b[2J";

    private static readonly PodCriteria InShop = new(Pod: null, Context: "dev", Namespace: "shop");

    [Fact]
    public void Escape_sequences_in_pod_names_are_shown_as_escapes_in_the_choice()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("web-1" + TitleAndClear), Running("db-\u009b31m")], InShop));

        Assert.Equal(
            "2 running pods carry the label app.rind in namespace shop; choose one:\n" +
            "  db-\\u009b31m: rind --kube -c db\n" +
            "  web-1\\x1b]0;pwned\\x07\\x1b[2J: rind --kube -c web",
            exception.Message);
    }

    [Fact]
    public void A_pod_whose_name_cannot_be_typed_back_gets_no_command()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("web\u001b[8m"), Running("web\u001b[9m")], InShop));

        Assert.Contains("  web\\x1b[8m: no -c can be typed for it, as its name holds characters shown as escapes\n", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newline_in_a_name_cannot_forge_a_line_of_rinds()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("a-1\nrind: all is well"), Running("b-1\r\nrind: forged")], InShop));

        var lines = exception.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("  a-1\\nrind: all is well: rind --kube -c a", lines[1]);
        Assert.Equal("  b-1\\r\\nrind: forged: rind --kube -c b", lines[2]);
    }

    [Fact]
    public void A_pod_that_does_not_run_is_reported_with_its_name_and_phase_escaped_on_one_line()
    {
        var pending = new PodSummary("web-1\u001b[2K", "Pending\nrind: fine", Ready: false, Deleting: false, ["app"]);

        var exception = Assert.Throws<RindException>(() => PodSelector.Select([pending], InShop));

        Assert.Equal(
            "no running pod carries the label app.rind in namespace shop (context dev); those that do: web-1\\x1b[2K (Pending\\nrind: fine)",
            exception.Message);
    }

    [Fact]
    public void The_namespace_context_and_pod_asked_for_are_shown_as_escapes()
    {
        var criteria = new PodCriteria(Pod: "x\u001b[2J", Context: "ctx\u0007", Namespace: "ns\r");

        var exception = Assert.Throws<RindException>(() => PodSelector.Select([Running("web\u001b]0;t\u0007")], criteria));

        Assert.Equal(
            "no pod carrying the label app.rind in namespace ns\\r (context ctx\\x07) is named x\\x1b[2J or has a name starting with it " +
            "(those that do: web\\x1b]0;t\\x07)",
            exception.Message);
    }

    [Fact]
    public void A_hostile_name_of_a_pod_without_containers_is_shown_as_escapes()
    {
        var empty = new PodSummary("web\u001b[2J", "Running", Ready: true, Deleting: false, Containers: []);

        var exception = Assert.Throws<RindException>(() => PodSelector.Select([empty], InShop));

        Assert.Equal("pod web\\x1b[2J has no container to run in", exception.Message);
    }

    private static PodSummary Running(string name) => new(name, "Running", Ready: true, Deleting: false, ["app"]);
}
