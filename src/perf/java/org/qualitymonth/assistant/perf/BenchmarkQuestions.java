package org.qualitymonth.assistant.perf;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.TextNormalizer;

/**
 * Realistic, distinct questions for the benchmarks and the load test: the staff's examples of every
 * intent as citizens type them (with and without a greeting, a "请问", a trailing particle or
 * punctuation), plus off-topic questions. Distinct means distinct after normalisation, so every
 * question is a separate entry in the answer cache. The sequence depends only on the knowledge base
 * and the seed, and a longer list starts with the shorter one, so the load test's "unseen" questions
 * never overlap its first 1,000.
 *
 * <p>This is benchmark data, not text shown to anyone; it lives outside the application jar.
 */
public final class BenchmarkQuestions {

	/** The seed of the question lists in docs/performance.md. */
	public static final long SEED = 2020_09_01L;

	/** Share of off-topic questions, about what a public FAQ bot sees. */
	static final double OFF_TOPIC_SHARE = 0.2;

	/** Empty strings weigh the plain question up: most citizens just type the question. */
	private static final String[] PREFIXES = { "", "", "", "", "请问", "请问一下", "你好，", "您好，请问", "我想问一下", "麻烦问下",
			"想咨询一下", "打扰一下，", "hi，", "老师好，", "问下", "在吗？", "请教一下", "咨询一下，", "小助手，", "机器人你好，", "客服你好，",
			"你好 请问", "同志你好，", "想了解一下" };

	private static final String[] SUFFIXES = { "", "", "", "", "？", "?", "呢", "啊", "呀", "，谢谢", "，谢谢！", "。。", "，急",
			"，在线等", "哈", "？？", "吧", "嘛", "来着", "，麻烦了", "，多谢", "，求解答", "，请回复", "啊？" };

	/** Off-topic questions beyond the out-of-scope examples, including other years' Quality Month. */
	private static final String[] OFF_TOPIC = { "明天北京会下雨吗", "今天天气怎么样", "周末去哪里玩比较好", "红烧肉怎么做好吃", "推荐几本好看的小说",
			"世界杯冠军是谁", "股票明天会涨吗", "帮我写一首诗", "你会唱歌吗", "附近有什么好吃的", "高铁票怎么退", "社保怎么交", "公积金怎么提取", "驾照怎么考",
			"2019年质量月的主题是什么", "2021年质量月什么时候开始", "2018年全国质量月活动内容", "2022年质量月有什么活动", "去年质量月的主题",
			"房价还会涨吗", "怎么减肥最快", "感冒了吃什么药", "手机屏幕碎了怎么办", "快递丢了找谁", "怎么学好英语", "孩子不爱学习怎么办",
			"what is the weather like tomorrow", "how do i register a company", "tell me a joke",
			"who won the world cup" };

	/** A generated question and the intent whose example it was made from ({@code out_of_scope} for off-topic ones). */
	record Generated(String text, String intent) {
	}

	private BenchmarkQuestions() {
	}

	/**
	 * {@code count} questions, distinct after normalisation, in a fixed pseudo-random order.
	 * @throws IllegalArgumentException when the intents cannot yield that many distinct questions
	 */
	public static List<String> generate(KnowledgeBase knowledge, int count, long seed) {
		return generateLabelled(knowledge, count, seed).stream().map(Generated::text).toList();
	}

	static List<Generated> generateLabelled(KnowledgeBase knowledge, int count, long seed) {
		List<Intent> answerable = knowledge.answerable().stream().filter(i -> !i.examples().isEmpty()).toList();
		List<String> offTopic = new ArrayList<>(knowledge.outOfScope().examples());
		offTopic.addAll(List.of(OFF_TOPIC));
		if (answerable.isEmpty()) {
			throw new IllegalArgumentException("the knowledge base has no answerable intent with examples");
		}
		TextNormalizer normalizer = new TextNormalizer();
		Random random = new Random(seed);
		Set<String> seen = new LinkedHashSet<>();
		List<Generated> questions = new ArrayList<>(count);
		long attempts = 0;
		long maxAttempts = 20L * count + 10_000;
		while (questions.size() < count) {
			if (++attempts > maxAttempts) {
				throw new IllegalArgumentException(
						"only " + questions.size() + " distinct questions could be made from the intents, not " + count);
			}
			String core;
			String intent;
			if (random.nextDouble() < OFF_TOPIC_SHARE) {
				core = offTopic.get(random.nextInt(offTopic.size()));
				intent = Intent.OUT_OF_SCOPE;
			}
			else {
				Intent source = answerable.get(random.nextInt(answerable.size()));
				core = source.examples().get(random.nextInt(source.examples().size()));
				intent = source.id();
			}
			String question = PREFIXES[random.nextInt(PREFIXES.length)] + core + SUFFIXES[random.nextInt(SUFFIXES.length)];
			String normalized = normalizer.normalize(question);
			if (!normalized.isEmpty() && seen.add(normalized)) {
				questions.add(new Generated(question, intent));
			}
		}
		return questions;
	}

	/** {@code text} as a JSON string literal, so the load-test scripts can paste it into a request body. */
	static String jsonString(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	/**
	 * Writes questions for the load test, one JSON string literal per line.
	 * Arguments: intents directory, notice file, how many, output file.
	 */
	public static void main(String[] args) throws IOException, InvalidKnowledgeException {
		if (args.length != 4) {
			System.err.println("usage: BenchmarkQuestions <intents-dir> <notice-file> <count> <output-file>");
			System.exit(2);
		}
		KnowledgeBase kb = StandaloneAssistant.load(Path.of(args[0]), Path.of(args[1]), 10);
		List<String> questions = generate(kb, Integer.parseInt(args[2]), SEED);
		try (Writer out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
			for (String q : questions) {
				out.write(jsonString(q));
				out.write('\n');
			}
		}
	}

}
