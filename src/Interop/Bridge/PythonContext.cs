using System.Runtime.ExceptionServices;
using Hms.Interop.SharedMemory;
using Python.Runtime;

namespace Hms.Interop.Bridge;

/// <summary>
/// What a call sees on the Python thread, under the GIL: imported modules and zero-copy NumPy views of shared
/// buffers. Valid only inside the call it was given to. Views are closed when the call returns: the PyObjects
/// <see cref="ToNumPy(SharedBuffer, string, ReadOnlySpan{int})"/> returned expire (any later use raises
/// ViewExpiredError), and Python (or a PyObject derived from a view that .NET did not dispose) must not reference
/// one any more, or the call fails with <see cref="PythonViewKeptException"/>.
/// </summary>
public sealed class PythonContext
{
    private readonly int _threadId;
    private readonly PyObject _openView;
    private readonly PyObject _closeViews;
    private readonly PyObject _describe;
    private readonly Dictionary<string, PyObject> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PyString> _dtypes = new(StringComparer.Ordinal);
    private readonly Dictionary<(nint Address, int Length), (PyInt Address, PyInt Length)> _extents = [];
    private readonly List<(SharedBuffer Buffer, PyObject Array)> _views = [];
    private bool _inCall;

    /// <summary>Made once on the Python thread, right after the interpreter is set up.</summary>
    internal PythonContext(string library)
    {
        _threadId = Environment.CurrentManagedThreadId;
        var views = Import("hms_bridge.views");
        _openView = views.GetAttr("open_view");
        _closeViews = views.GetAttr("close_views");
        _describe = Import("hms_bridge.calls").GetAttr("describe");
        ExpiredView.Prepare(library, views.GetAttr("EXPIRED"));
    }

    /// <summary>
    /// The module of that name, imported once per process and cached (do not dispose it). An import error is
    /// raised as <see cref="PythonException"/> and reported by the call as <see cref="PythonCallException"/>.
    /// </summary>
    public PyObject Import(string module)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        EnsureOnPythonThread();
        if (!_modules.TryGetValue(module, out var imported))
        {
            imported = Py.Import(module);
            _modules[module] = imported;
        }
        return imported;
    }

    /// <summary>
    /// The buffer as a NumPy array of <paramref name="dtype"/> (a NumPy dtype string such as "float64" or "&lt;i4"),
    /// without copying: its data address is <see cref="SharedBuffer.Address"/>. An empty shape means a 1-D array of
    /// as many elements as fit. The array is closed when the call returns; the buffer stays this lease's until then.
    /// </summary>
    public PyObject ToNumPy(SharedBuffer buffer, string dtype, params ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentException.ThrowIfNullOrWhiteSpace(dtype);
        foreach (var extent in shape)
            ArgumentOutOfRangeException.ThrowIfNegative(extent, nameof(shape));
        EnsureInCall();
        buffer.Pin();
        try
        {
            var (address, length) = Extent(buffer);
            PyObject array;
            if (shape.IsEmpty)
            {
                array = _openView.Invoke(address, length, DType(dtype));
            }
            else
            {
                using var extents = Shape(shape);
                array = _openView.Invoke(address, length, DType(dtype), extents);
            }
            _views.Add((buffer, array));
            return array;
        }
        catch
        {
            buffer.Unpin(kept: false);
            throw;
        }
    }

    /// <summary><see cref="ToNumPy(SharedBuffer, string, ReadOnlySpan{int})"/> with the dtype of <typeparamref name="T"/>.</summary>
    public PyObject ToNumPy<T>(SharedBuffer buffer, params ReadOnlySpan<int> shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(buffer);
        long elements = 1;
        foreach (var extent in shape)
            elements *= extent;
        if (shape.IsEmpty)
            elements = buffer.Length / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (elements * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > buffer.Length)
            throw new ArgumentException(
                $"{elements} elements of {typeof(T).Name} do not fit in a buffer of {buffer.Length} bytes.", nameof(shape));
        return ToNumPy(buffer, NumPyTypes.Of<T>(), shape);
    }

    /// <summary>Runs one call: its work, then closing its views, then the verdict on both.</summary>
    internal T Run<T>(Func<PythonContext, T> work)
    {
        T result = default!;
        Exception? failure = null;
        _inCall = true;
        try
        {
            result = work(this);
        }
        catch (PythonException e)
        {
            failure = Describe(e);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            _inCall = false;
        }
        var kept = CloseViews();
        if (failure is not null)
            ExceptionDispatchInfo.Throw(failure);
        if (kept is not null)
            throw new PythonViewKeptException(
                $"Python kept a NumPy view of {string.Join(", ", kept)} past the call; the result is withheld and " +
                "the buffer is quarantined (never reused). Copy what must outlive the call, and dispose PyObjects derived from views.");
        return result;
    }

    /// <summary>Drops the bridge's references to this call's views and asks Python whether anyone else kept one.</summary>
    private List<string>? CloseViews()
    {
        if (_views.Count == 0)
            return null;
        foreach (var (_, array) in _views)
            ExpiredView.Expire(array);
        var kept = new bool[_views.Count];
        try
        {
            using var positions = _closeViews.Invoke();
            if (!positions.IsNone())
            {
                var count = positions.Length();
                for (var i = 0; i < count; i++)
                {
                    using var position = positions[i];
                    kept[position.As<int>()] = true;
                }
            }
        }
        catch (PythonException e)
        {
            // Cannot tell which views are still referenced, so none of their memory may be reused.
            Array.Fill(kept, true);
            Dispose(e);
        }
        List<string>? keptNames = null;
        for (var i = 0; i < _views.Count; i++)
        {
            var buffer = _views[i].Buffer;
            if (kept[i])
                (keptNames ??= []).Add($"{buffer.SegmentName}@{buffer.Offset}");
            buffer.Unpin(kept[i]);
        }
        _views.Clear();
        return keptNames;
    }

    /// <summary>The Python exception as a .NET one, with type, message and traceback; frees its frames (and their views).</summary>
    private PythonCallException Describe(PythonException error)
    {
        try
        {
            error.Normalize();
            if (error.Value is { } value)
            {
                using var description = _describe.Invoke(value);
                using var type = description[0];
                using var message = description[1];
                using var traceback = description[2];
                return new PythonCallException(type.As<string>(), message.As<string>(), traceback.As<string>());
            }
        }
        catch (PythonException)
        {
            // Describing failed too (out of memory, say): fall back to what pythonnet read.
        }
        finally
        {
            Dispose(error);
        }
        return new PythonCallException(error.Type.Name, error.Message, error.StackTrace ?? "");
    }

    private static void Dispose(PythonException error)
    {
        error.Traceback?.Dispose();
        error.Value?.Dispose();
    }

    /// <summary>
    /// The address and length as Python ints, made once per block: making two ints costs a handover half a
    /// microsecond, while buffers come back from the pool at the same few addresses. Bounded, as pools come and go.
    /// </summary>
    private (PyInt Address, PyInt Length) Extent(SharedBuffer buffer)
    {
        var key = (buffer.Address, buffer.Length);
        if (_extents.TryGetValue(key, out var extent))
            return extent;
        if (_extents.Count >= 4096)
        {
            foreach (var (address, length) in _extents.Values)
            {
                address.Dispose();
                length.Dispose();
            }
            _extents.Clear();
        }
        extent = (new PyInt((long)key.Address), new PyInt(key.Length));
        _extents[key] = extent;
        return extent;
    }

    private PyString DType(string dtype)
    {
        if (!_dtypes.TryGetValue(dtype, out var name))
        {
            name = new PyString(dtype);
            _dtypes[dtype] = name;
        }
        return name;
    }

    private static PyObject Shape(ReadOnlySpan<int> shape)
    {
        if (shape.Length == 1)
            return new PyInt(shape[0]);
        var extents = new PyObject[shape.Length];
        try
        {
            for (var i = 0; i < shape.Length; i++)
                extents[i] = new PyInt(shape[i]);
            return new PyTuple(extents);
        }
        finally
        {
            foreach (var extent in extents)
                extent?.Dispose();
        }
    }

    private void EnsureInCall()
    {
        EnsureOnPythonThread();
        if (!_inCall)
            throw new InvalidOperationException("A PythonContext is only valid inside the call it was given to.");
    }

    private void EnsureOnPythonThread()
    {
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("A PythonContext is only valid on the Python thread, inside the call it was given to.");
    }
}
