using System.Text;
using Rind.Platform;

namespace Rind.Completion;

/// <summary>
/// One Tab: <c>rind --complete WORD...</c>, as the completion scripts call it with the words after
/// <c>rind</c>, the last being the one under the cursor. Prints the candidates, or nothing when none
/// can be found within the deadline; says nothing else, and always exits 0, as a prompt has no room
/// for errors.
/// </summary>
internal sealed class CompletionRun(IStandardStreams streams, IEnvironment environment, Completer completer)
{
    /// <summary>The hidden option the scripts call rind with; never a command's first word, which cannot start with --complete.</summary>
    public const string Option = "--complete";

    public int Run(IReadOnlyList<string> words)
    {
        var request = CompletionRequestParser.Parse(words);
        IReadOnlyList<CompletionCandidate> found = [];

        // A backend that does not answer in time is left behind on its thread, which ends with the process.
        var worker = new Thread(() => found = Candidates(request)) { IsBackground = true, Name = "completion" };
        worker.Start();
        if (worker.Join(CompletionDeadline.Read(environment)))
        {
            streams.Output.Write(Encoding.UTF8.GetBytes(CompletionOutput.Format(request.Word, found)));
        }

        return ExitCodes.Success;
    }

    /// <summary>Whatever fails (no engine, no container, a refusal) completes nothing: a wrong guess would be worse.</summary>
    private IReadOnlyList<CompletionCandidate> Candidates(CompletionRequest request)
    {
        try
        {
            return completer.Complete(request);
        }
        catch (Exception)
        {
            return [];
        }
    }
}
