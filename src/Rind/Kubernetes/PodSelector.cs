using Rind.Backends;
using Rind.Diagnostics;
using Rind.Platform;

namespace Rind.Kubernetes;

/// <summary>
/// Chooses the pod to run in from those listed with the label, and the container in it, or says why
/// there is none. A pod asked for (-c) narrows the choice by its exact name, else by the start of names;
/// then the one running pod is it. Names, phases and annotations come from the cluster: the messages show
/// them through <see cref="UntrustedText"/>, and the commands they suggest quote them for a shell.
/// </summary>
internal static class PodSelector
{
    /// <summary>kubectl's own convention for the container that exec, logs and attach use unless told.</summary>
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    /// <param name="pods">The pods of the namespace that carry the label, whatever their state.</param>
    public static Candidate Select(IReadOnlyList<PodSummary> pods, PodCriteria criteria)
    {
        var candidates = criteria.Pod is { } wanted ? Narrow(pods, wanted, criteria) : pods;
        var running = candidates.Where(pod => pod.IsRunning).ToArray();
        return running.Length switch
        {
            1 => ToCandidate(running[0]),
            0 => throw NoneRunning(candidates, criteria),
            _ => throw Ambiguous(running, pods, criteria),
        };
    }

    /// <summary>The pods -c names: the one of that exact name, else those whose names start with it.</summary>
    private static IReadOnlyList<PodSummary> Named(IReadOnlyList<PodSummary> pods, string wanted)
    {
        var exact = pods.Where(pod => pod.Name == wanted).ToArray();
        return exact.Length > 0 ? exact : pods.Where(pod => pod.Name.StartsWith(wanted, StringComparison.Ordinal)).ToArray();
    }

    private static IReadOnlyList<PodSummary> Narrow(IReadOnlyList<PodSummary> pods, string wanted, PodCriteria criteria)
    {
        var named = Named(pods, wanted);
        if (named.Count == 0)
        {
            var known = pods.Count == 0 ? "no pod there carries it" : $"those that do: {Names(pods)}";
            throw new RindException(
                $"no pod carrying the label {RindLabel.Name} in {Where(criteria)} is named {UntrustedText.Show(wanted)} " +
                $"or has a name starting with it ({known})");
        }

        return named;
    }

    private static Candidate ToCandidate(PodSummary pod)
    {
        if (pod.Containers.Count == 0)
        {
            throw new RindException($"pod {UntrustedText.Show(pod.Name)} has no container to run in");
        }

        var container = pod.Annotations.TryGetValue(DefaultContainerAnnotation, out var named) && pod.Containers.Contains(named)
            ? named
            : pod.Containers[0];
        return new Candidate(pod.Name, pod.Name, RindLabel.SettingsOf(pod.Annotations, "annotation", []))
        {
            Container = container,
            FoundBy = $"pod {pod.Name} (container {container}) carries the label {RindLabel.Name}",
        };
    }

    private static RindException NoneRunning(IReadOnlyList<PodSummary> candidates, PodCriteria criteria)
    {
        var subject = criteria.Pod is { } wanted ? $"no running pod named {UntrustedText.Show(wanted)} or with a name starting with it" : "no running pod";
        var message = $"{subject} carries the label {RindLabel.Name} in {Where(criteria)}";
        if (candidates.Count == 0)
        {
            return new RindException(
                message + $": add the label to the pod template's metadata (the pre-step goes in the annotation {RindLabel.Name}), " +
                "or choose the namespace (-n) or context (--kube-context)");
        }

        var states = candidates
            .OrderBy(pod => pod.Name, StringComparer.Ordinal)
            .Select(pod => $"{UntrustedText.Show(pod.Name)} ({StateOf(pod)})");
        return new RindException(message + $"; those that do: {string.Join(", ", states)}");
    }

    private static RindException Ambiguous(IReadOnlyList<PodSummary> running, IReadOnlyList<PodSummary> all, PodCriteria criteria)
    {
        return CandidateChoice.Ambiguous(
            $"{running.Count} running pods carry the label {RindLabel.Name} in namespace {UntrustedText.Show(criteria.Namespace)}",
            running.OrderBy(pod => pod.Name, StringComparer.Ordinal).Select(pod => (UntrustedText.Show(pod.Name), PickCommand(pod, all))));
    }

    /// <summary>
    /// The shortest -c that picks this pod out of the others, among the name's starts that end before a
    /// dash and the whole name: a Deployment's pods are then picked by what stays the same across rollouts
    /// when they can be, and by their full name when replicas share it.
    /// </summary>
    private static string PickCommand(PodSummary pod, IReadOnlyList<PodSummary> all)
    {
        var picking = PrefixesEndingBeforeADash(pod.Name)
            .Append(pod.Name)
            .FirstOrDefault(prefix => UntrustedText.IsShownAsItIs(prefix) && Picks(prefix, pod, all));
        return picking is null
            ? "no -c can be typed for it, as its name holds characters shown as escapes"
            : $"rind --kube -c {ShellWord.Quote(picking)}";
    }

    private static IEnumerable<string> PrefixesEndingBeforeADash(string name)
    {
        for (var dash = name.IndexOf('-', 1); dash > 0; dash = name.IndexOf('-', dash + 1))
        {
            yield return name[..dash];
        }
    }

    /// <summary>Whether -c with this value would choose exactly this pod, by the same steps <see cref="Select"/> takes.</summary>
    private static bool Picks(string value, PodSummary pod, IReadOnlyList<PodSummary> all)
    {
        var running = Named(all, value).Where(other => other.IsRunning).ToArray();
        return running.Length == 1 && ReferenceEquals(running[0], pod);
    }

    /// <summary>What keeps the pod from counting as running: its phase, readiness and deletion.</summary>
    private static string StateOf(PodSummary pod)
    {
        var state = new List<string> { pod.Phase.Length > 0 ? UntrustedText.Show(pod.Phase) : "no phase yet" };
        if (pod.Phase == "Running" && !pod.Ready)
        {
            state.Add("not ready");
        }

        if (pod.Deleting)
        {
            state.Add("being deleted");
        }

        return string.Join(", ", state);
    }

    private static string Where(PodCriteria criteria) =>
        $"namespace {UntrustedText.Show(criteria.Namespace)} (context {UntrustedText.Show(criteria.Context)})";

    private static string Names(IEnumerable<PodSummary> pods) =>
        string.Join(", ", pods.Select(pod => pod.Name).Order(StringComparer.Ordinal).Select(name => UntrustedText.Show(name)));
}
