import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples that Tomcat's request threads took between two instants of a flight
 * recording as Markdown tables: the share of samples spent inside each named method (inclusive),
 * less those inside another method if one follows "without", then the methods most often on top of
 * the stack. A dump holds whole chunks of the recording, so the samples outside the window
 * (seeding, warm-up) are left out here.
 * Usage: java Hotspots.java RECORDING.jfr FROM TO "label=Class.method[ without Other.method]" ...
 * (FROM, TO: ISO-8601 instants)
 */
public class Hotspots {

	public static void main(String[] args) throws Exception {
		Instant from = Instant.parse(args[1]);
		Instant to = Instant.parse(args[2]);
		List<Stage> stages = new ArrayList<>();
		for (int i = 3; i < args.length; i++) {
			stages.add(Stage.of(args[i]));
		}
		int[] counts = new int[stages.size()];
		Map<String, Integer> onTop = new HashMap<>();
		Set<String> sampled = new HashSet<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
					|| event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)
					|| !event.getThread("sampledThread").getJavaName().contains("-exec-")) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			Set<String> seen = new HashSet<>();
			frames.forEach(frame -> seen.add(name(frame)));
			sampled.addAll(seen);
			for (int i = 0; i < counts.length; i++) {
				if (stages.get(i).contains(seen)) {
					counts[i]++;
				}
			}
			onTop.merge(name(frames.get(0)), 1, Integer::sum);
		}
		for (Stage stage : stages) {
			// a misspelt or renamed method would read as 0% without this
			for (String method : new String[] { stage.method(), stage.without() }) {
				if (method != null && !sampled.contains(method)) {
					System.err.printf("Hotspots: %s is in no sample; is its name right?%n", method);
				}
			}
		}
		System.out.printf("%d execution samples of request threads (Java code only).%n%n", samples);
		System.out.println("| stage | method | share of samples |");
		System.out.println("|---|---|---|");
		for (int i = 0; i < counts.length; i++) {
			Stage stage = stages.get(i);
			String method = stage.without() == null ? "`" + stage.method() + "`"
					: "`" + stage.method() + "` without `" + stage.without() + "`";
			System.out.printf("| %s | %s | %.1f%% |%n", stage.label(), method, percent(counts[i], samples));
		}
		System.out.println();
		System.out.println("| most often on top of the stack | share |");
		System.out.println("|---|---|");
		List<Map.Entry<String, Integer>> top = new ArrayList<>(onTop.entrySet());
		top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
		for (Map.Entry<String, Integer> entry : top.subList(0, Math.min(12, top.size()))) {
			System.out.printf("| `%s` | %.1f%% |%n", entry.getKey(), percent(entry.getValue(), samples));
		}
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static double percent(int count, int samples) {
		return samples == 0 ? 0 : 100.0 * count / samples;
	}

	/**
	 * A stage of a request: the samples inside a method, less those also inside another method
	 * when one is given (the filter chain continuing from within a filter, say).
	 */
	private record Stage(String label, String method, String without) {

		/** From {@code "label=Class.method"} or {@code "label=Class.method without Other.method"}. */
		static Stage of(String arg) {
			String label = arg.substring(0, arg.indexOf('='));
			String[] methods = arg.substring(arg.indexOf('=') + 1).split(" without ", 2);
			return new Stage(label, methods[0], methods.length > 1 ? methods[1] : null);
		}

		boolean contains(Set<String> methodsOnStack) {
			return methodsOnStack.contains(this.method)
					&& (this.without == null || !methodsOnStack.contains(this.without));
		}

	}

}
