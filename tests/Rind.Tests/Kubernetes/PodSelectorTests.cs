using Rind.Kubernetes;

namespace Rind.Tests.Kubernetes;

public sealed class PodSelectorTests
{
    private static readonly PodCriteria InShop = new(Pod: null, Context: "dev", Namespace: "shop");

    [Fact]
    public void The_single_running_pod_is_chosen_over_those_that_do_not_run()
    {
        var web = Running("web-5f7c9-x2x4q") with { Annotations = new Dictionary<string, string> { ["app.rind"] = "source /venv/bin/activate" } };

        var chosen = PodSelector.Select([Pod("web-old", "Succeeded"), web, Pod("web-new", "Pending")], InShop);

        Assert.Equal("web-5f7c9-x2x4q", chosen.Id);
        Assert.Equal("web-5f7c9-x2x4q", chosen.DisplayName);
        Assert.Equal("source /venv/bin/activate", chosen.Settings.PreStep);
        Assert.Equal("annotation", chosen.Settings.Source);
    }

    [Fact]
    public void The_settings_are_the_pods_annotations_not_its_labels()
    {
        var pod = Running("web-1") with
        {
            Labels = new Dictionary<string, string> { ["app.rind"] = "" },
            Annotations = new Dictionary<string, string> { ["app.rind.shell"] = "bash -l" },
        };

        var chosen = PodSelector.Select([pod], InShop);

        Assert.Null(chosen.Settings.PreStep);
        Assert.Equal(["bash", "-l"], chosen.Settings.Shell);
    }

    [Fact]
    public void The_first_container_is_used_when_no_annotation_names_one()
    {
        var chosen = PodSelector.Select([Running("web-1", "app", "sidecar")], InShop);

        Assert.Equal("app", chosen.Container);
    }

    [Fact]
    public void The_container_kubectl_defaults_to_is_used_when_the_annotation_names_one_of_the_pod()
    {
        var pod = Running("web-1", "istio-proxy", "app") with
        {
            Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/default-container"] = "app" },
        };

        Assert.Equal("app", PodSelector.Select([pod], InShop).Container);
    }

    [Fact]
    public void An_annotation_naming_no_container_of_the_pod_leaves_the_first()
    {
        var pod = Running("web-1", "app", "sidecar") with
        {
            Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/default-container"] = "gone" },
        };

        Assert.Equal("app", PodSelector.Select([pod], InShop).Container);
    }

    [Fact]
    public void A_pod_without_containers_is_a_one_line_error()
    {
        var empty = new PodSummary("web-1", "Running", Ready: true, Deleting: false, Containers: []);

        var exception = Assert.Throws<RindException>(() => PodSelector.Select([empty], InShop));

        Assert.Equal("pod web-1 has no container to run in", exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void No_labelled_pod_names_the_context_and_namespace_and_says_how_to_add_the_label()
    {
        var exception = Assert.Throws<RindException>(() => PodSelector.Select([], InShop));

        Assert.Equal(
            "no running pod carries the label app.rind in namespace shop (context dev): add the label to the pod template's metadata " +
            "(the pre-step goes in the annotation app.rind), or choose the namespace (-n) or context (--kube-context)",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void Labelled_pods_that_do_not_run_are_named_with_their_state()
    {
        var pods = new[]
        {
            Pod("web-c", "Pending"),
            Running("web-b") with { Ready = false },
            Running("web-a") with { Deleting = true },
            Pod("web-d", "Failed"),
            Pod("web-e", ""),
        };

        var exception = Assert.Throws<RindException>(() => PodSelector.Select(pods, InShop));

        Assert.Equal(
            "no running pod carries the label app.rind in namespace shop (context dev); those that do: " +
            "web-a (Running, being deleted), web-b (Running, not ready), web-c (Pending), web-d (Failed), web-e (no phase yet)",
            exception.Message);
    }

    [Fact]
    public void A_running_pod_that_is_not_ready_is_not_chosen()
    {
        var exception = Assert.Throws<RindException>(() => PodSelector.Select([Running("web-1") with { Ready = false }], InShop));

        Assert.Contains("web-1 (Running, not ready)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_being_deleted_is_passed_over_for_the_one_replacing_it()
    {
        var replacement = Running("web-new");

        var chosen = PodSelector.Select([Running("web-old") with { Deleting = true }, replacement], InShop);

        Assert.Equal("web-new", chosen.Id);
    }

    [Fact]
    public void Several_running_pods_are_listed_with_the_command_that_picks_each()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("worker-6c8d-b7q2z"), Running("web-5f7c9-x2x4q"), Pod("db-0", "Pending")], InShop));

        Assert.Equal(
            "2 running pods carry the label app.rind in namespace shop; choose one:\n" +
            "  web-5f7c9-x2x4q: rind --kube -c web\n" +
            "  worker-6c8d-b7q2z: rind --kube -c worker",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void Replicas_that_share_the_start_of_their_names_are_picked_by_their_full_names()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("web-5f7c9-x2x4q"), Running("web-5f7c9-b7q2z"), Running("webhook-1")], InShop));

        Assert.Equal(
            "3 running pods carry the label app.rind in namespace shop; choose one:\n" +
            "  web-5f7c9-b7q2z: rind --kube -c web-5f7c9-b7q2z\n" +
            "  web-5f7c9-x2x4q: rind --kube -c web-5f7c9-x2x4q\n" +
            "  webhook-1: rind --kube -c webhook",
            exception.Message);
    }

    [Fact]
    public void A_start_that_is_another_pods_whole_name_is_not_suggested()
    {
        var exception = Assert.Throws<RindException>(() => PodSelector.Select([Running("web"), Running("web-1")], InShop));

        Assert.Contains("  web: rind --kube -c web\n  web-1: rind --kube -c web-1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_suggested_command_picks_its_pod()
    {
        var pods = new[] { Running("api-7f9c-x2x"), Running("api-7f9c-b7q"), Running("api-worker-1"), Running("api"), Pod("api-7f9c-old", "Failed") };
        var exception = Assert.Throws<RindException>(() => PodSelector.Select(pods, InShop));

        var suggested = exception.Message.Split('\n').Skip(1).Select(line => line.Split(": rind --kube -c ")).ToArray();

        Assert.Equal(4, suggested.Length);
        Assert.All(suggested, pair => Assert.Equal(pair[0].Trim(), PodSelector.Select(pods, InShop with { Pod = pair[1] }).Id));
    }

    [Fact]
    public void The_pod_asked_for_by_its_exact_name_is_chosen_among_several()
    {
        var chosen = PodSelector.Select([Running("web"), Running("web-1")], InShop with { Pod = "web" });

        Assert.Equal("web", chosen.Id);
    }

    [Fact]
    public void The_pod_asked_for_by_the_start_of_its_name_is_chosen()
    {
        var chosen = PodSelector.Select([Running("web-5f7c9-x2x4q"), Running("worker-1")], InShop with { Pod = "web" });

        Assert.Equal("web-5f7c9-x2x4q", chosen.Id);
    }

    [Fact]
    public void The_start_of_a_name_shared_by_running_pods_still_needs_a_choice()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("web-a"), Running("web-b"), Running("db-0")], InShop with { Pod = "web" }));

        Assert.StartsWith("2 running pods carry the label app.rind in namespace shop; choose one:\n  web-a: rind --kube -c web-a\n", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_asked_for_that_is_not_labelled_names_those_that_are()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Running("web-1"), Pod("db-0", "Pending")], InShop with { Pod = "cache" }));

        Assert.Equal(
            "no pod carrying the label app.rind in namespace shop (context dev) is named cache or has a name starting with it " +
            "(those that do: db-0, web-1)",
            exception.Message);
        Assert.Equal(125, exception.ExitCode);
    }

    [Fact]
    public void A_pod_asked_for_where_none_is_labelled_says_none_is()
    {
        var exception = Assert.Throws<RindException>(() => PodSelector.Select([], InShop with { Pod = "web" }));

        Assert.EndsWith("is named web or has a name starting with it (no pod there carries it)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_asked_for_that_does_not_run_is_named_with_its_state()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Pod("web-1", "Pending"), Running("db-0")], InShop with { Pod = "web" }));

        Assert.Equal(
            "no running pod named web or with a name starting with it carries the label app.rind in namespace shop (context dev); " +
            "those that do: web-1 (Pending)",
            exception.Message);
    }

    [Fact]
    public void An_exact_name_wins_over_longer_names_that_start_with_it_even_when_it_does_not_run()
    {
        var exception = Assert.Throws<RindException>(
            () => PodSelector.Select([Pod("web", "Pending"), Running("web-1")], InShop with { Pod = "web" }));

        Assert.EndsWith("those that do: web (Pending)", exception.Message, StringComparison.Ordinal);
    }

    private static PodSummary Running(string name, params string[] containers) =>
        new(name, "Running", Ready: true, Deleting: false, containers.Length > 0 ? containers : ["app"]);

    private static PodSummary Pod(string name, string phase) =>
        new(name, phase, Ready: false, Deleting: false, ["app"]);
}
