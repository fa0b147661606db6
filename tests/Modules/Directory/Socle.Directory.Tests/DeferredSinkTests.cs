using Socle.Directory.Import;
using Socle.Directory.Storage;

namespace Socle.Directory.Tests;

/// <summary>A file's records wait while the previous file's work holds the connection, and keep their order.</summary>
public sealed class DeferredSinkTests
{
    [Fact]
    public async Task RecordsWaitWhileTheConnectionIsBusy_ThenGoInTheirOrder_AndLaterOnesGoStraightThrough()
    {
        var previousWork = new TaskCompletionSource();
        var sink = new RecordingSink();
        var opened = 0;
        await using var deferred = new DeferredSink(previousWork.Task, () =>
        {
            opened++;
            return Task.FromResult<IRecordSink>(sink);
        });

        await deferred.WriteAsync(Record("810000000001"), CancellationToken.None);
        await deferred.WriteAsync(Record("810000000002"), CancellationToken.None);
        Assert.Equal(0, opened);
        Assert.Empty(sink.Keys);

        previousWork.SetResult();
        await deferred.WriteAsync(Record("810000000003"), CancellationToken.None);
        await deferred.WriteAsync(Record("810000000004"), CancellationToken.None);
        await deferred.CompleteAsync(CancellationToken.None);
        await deferred.FinishAsync(CancellationToken.None);

        Assert.Equal(1, opened);
        Assert.Equal(["810000000001", "810000000002", "810000000003", "810000000004"], sink.Keys);
        Assert.Equal(("FAMILY810000000001", (string?)null), (sink.Values[0][6], sink.Values[0][7]));
        Assert.Equal((true, true), (sink.Completed, sink.Finished));
    }

    [Fact]
    public async Task CompletingWaitsForTheConnection_AndFailsAsThePreviousWorkDid()
    {
        var previousWork = new TaskCompletionSource();
        var sink = new RecordingSink();
        await using var deferred = new DeferredSink(previousWork.Task, () => Task.FromResult<IRecordSink>(sink));
        await deferred.WriteAsync(Record("810000000001"), CancellationToken.None);

        var completing = deferred.CompleteAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(completing.IsCompleted);
        previousWork.SetException(new InvalidOperationException("the merge failed"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => completing);
        Assert.Equal("the merge failed", error.Message);
        Assert.Empty(sink.Keys);
    }

    private static StagedRecord Record(string idNat) =>
        StagedRecord.Create(DirectoryTable.Persons, idNat, ContentHash.OfKey(idNat), ["8", idNat[1..], null, null, null, null, "FAMILY" + idNat, null, null, null]) with { Id = 7 };

    private sealed class RecordingSink : IRecordSink
    {
        public List<string> Keys { get; } = [];

        public List<string?[]> Values { get; } = [];

        public bool Completed { get; private set; }

        public bool Finished { get; private set; }

        public ValueTask WriteAsync(StagedRecord record, CancellationToken cancellationToken)
        {
            Assert.Equal(DirectoryTable.Persons, record.Table);
            Assert.Equal(7, record.Id);
            Keys.Add(record.Key);
            Values.Add(record.Values);
            return ValueTask.CompletedTask;
        }

        public Task CompleteAsync(CancellationToken cancellationToken)
        {
            Completed = true;
            return Task.CompletedTask;
        }

        public Task FinishAsync(CancellationToken cancellationToken)
        {
            Finished = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
