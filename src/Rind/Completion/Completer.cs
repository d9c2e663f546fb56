using Microsoft.Extensions.Logging.Abstractions;
using Rind.Backends;
using Rind.Cli;
using Rind.Execution;
using Rind.Platform;

namespace Rind.Completion;

/// <summary>
/// Finds the candidates for a word: rind's options by name, their values from the backend or the
/// configuration files, and the command's words from inside the container a run would choose, in the
/// folder it would run in, with at most one exec.
/// </summary>
internal sealed class Completer(IBackendRegistry backends, ICompletionSources sources, IEnvironment environment)
{
    /// <summary>Far more than any completion prints; the rest is not read.</summary>
    public const int MaxAnswerBytes = 256 * 1024;

    /// <summary>What ends each word of Django's and pip's answers, printed on a line.</summary>
    private static readonly char[] Blanks = [' ', '\t', '\n', '\r'];

    /// <summary>What ends each name of the listing.</summary>
    private static readonly char[] Nul = ['\0'];

    public IReadOnlyList<CompletionCandidate> Complete(CompletionRequest request) =>
        request.Kind switch
        {
            CompletionKind.OptionName => OptionNames(),
            CompletionKind.OptionValue => OptionValues(request),
            CompletionKind.CommandName or CompletionKind.CommandArgument => InContainer(request),
            _ => [],
        };

    private static CompletionCandidate[] OptionNames() =>
    [
        .. InvocationParser.Options.Select(option => new CompletionCandidate(option.Display, option.Summary)),
        .. InvocationParser.Options
            .Where(option => option.ShortName is not null)
            .Select(option => new CompletionCandidate($"-{option.ShortName}", option.Summary)),
    ];

    private IReadOnlyList<CompletionCandidate> OptionValues(CompletionRequest request)
    {
        IReadOnlyList<NamedChoice> names = request.Option!.LongName switch
        {
            "service" => Choices(request.Options, ChoiceKind.Services),
            "container" => Choices(request.Options, ChoiceKind.Containers),
            "namespace" => Choices(request.Options with { Kube = true }, ChoiceKind.Namespaces),
            "context" => [.. sources.DockerContexts().Select(name => new NamedChoice(name))],
            "kube-context" => [.. sources.KubeContexts().Select(name => new NamedChoice(name))],
            "completion" => [.. CompletionShells.Names.Select(name => new NamedChoice(name))],
            _ => [],
        };
        return [.. names.Select(name => new CompletionCandidate(request.ValueLead + name.Name, name.Description))];
    }

    private IReadOnlyList<NamedChoice> Choices(Invocation options, ChoiceKind kind)
    {
        using var opened = backends.Open(options, NullLogger.Instance);
        opened.Backend.Connect();
        return opened.Finder.Choices(kind);
    }

    private IReadOnlyList<CompletionCandidate> InContainer(CompletionRequest request)
    {
        var query = ContainerQuery.For(request.Command, request.Word);
        var options = request.Options with
        {
            Command = query.Argv,
            Environment = [.. request.Options.Environment, .. query.Environment],
            Tty = TtyMode.Never,
        };

        using var opened = backends.Open(options, NullLogger.Instance);
        var traits = opened.Backend.Connect();
        var target = opened.Finder.Find(FindCriteria.Of(options, environment) with { MayProbe = false });
        var plan = ExecPlanner.Plan(options, target, traits, new LocalConditions(Tty: false, Term: null)
        {
            LookupVariable = environment.GetVariable,
            CurrentDirectory = environment.CurrentDirectory,
            HasInput = false,
            StdoutIsAnswer = true,
        });
        using var process = opened.Backend.Start(target, plan, ProcessMarker.Create(), size: null);
        var separators = query.SpaceSeparated ? Blanks : Nul;
        var (answer, cut) = ReadStdout(process.Output);
        if (cut)
        {
            // What follows the last separator of an answer cut at the bound is part of a word, which names nothing.
            answer = answer[..(answer.LastIndexOfAny(separators) + 1)];
        }

        return [.. answer.Split(separators, StringSplitOptions.RemoveEmptyEntries).Select(word => new CompletionCandidate(word))];
    }

    /// <summary>
    /// The command's stdout, up to <see cref="MaxAnswerBytes"/>, and whether it was cut there; its stderr
    /// is nobody's business at a prompt.
    /// </summary>
    private static (string Text, bool Cut) ReadStdout(IChunkReader output)
    {
        var stdout = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (stdout.Length < MaxAnswerBytes)
        {
            var chunk = output.Read(buffer);
            if (chunk.IsEnd)
            {
                break;
            }

            if (chunk.Kind == StreamKind.Stdout)
            {
                stdout.Write(buffer, 0, chunk.Length);
            }
        }

        return (System.Text.Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)Math.Min(stdout.Length, MaxAnswerBytes)), stdout.Length >= MaxAnswerBytes);
    }
}
