using Spectre.Console;

namespace Socle.Cli.Commands;

/// <summary>A progress bar on stderr, so that stdout stays machine-readable.</summary>
internal static class Progress
{
    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static Task Run(string title, long total, Func<IProgress<long>, Task> work) =>
        Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: Math.Max(1, total));
                await work(new SyncProgress<long>(done => task.Value = done));
                task.Value = task.MaxValue;
            });

    /// <summary>A progress bar whose total is learnt from the reports themselves.</summary>
    public static Task RunCounted(string title, Func<IProgress<(long Done, long Total)>, Task> work) =>
        Err.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                await work(new SyncProgress<(long Done, long Total)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });

    /// <summary>Reports on the caller's thread (System.Progress posts to the thread pool and can arrive late).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
