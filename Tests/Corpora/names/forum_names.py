#!/usr/bin/env python3
"""Writes the person-mention corpus of Chinese forum posts and transcripts: `dev.jsonl` and
`heldout.jsonl`, `veil eval` gold files whose PERSON spans are every mention of a person.

Written on 2026-12-02 while person-zh learned the classes of issue 15 (bare surname before a speech
verb, nicknames the text introduces, 姓X, 老X/小X, names after 联系/找/和). Names come from Faker's
zh_CN provider (MIT licence; `pip install faker`), not from Veil's name tables. The two splits use
different frames, written separately: `dev` is what the rules were checked against; `heldout`'s
frames were written without running Veil on them, and its first figure is reported as held out.

Each document is a post or a transcript excerpt that introduces one to three people and then
mentions them again in the ways people do: surname and title, 老/小 + surname, the given name, the
bare surname before a verb, a nickname.

`heldout2` was written after `heldout` had been read and fixed, again without running Veil on it.

Usage: forum_names.py [--count N] [--seed S] [--out DIR]
"""
import argparse
import json
import os
import random
import sys

from faker import Faker

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import frames  # noqa: E402  (Tests/Corpora/frames.py)

# Frames: {P} a full name, {S} its surname, {G} its given name, {N} a nickname; {Q} a second
# person's full name, {T} its surname. A mention's span is what its placeholder becomes; 老{S},
# 小{S} and {S}+a form of address are written as [老{S}], [{S}先生] to mark the whole as the span.
DEV = [
    "楼主{P}，今年三十二岁，去年领养了一个孩子。[老{S}]说孩子很乖。",
    "我是{P}的邻居，{S}表示这件事他会负责到底。",
    "记者：{P}，你好。\n{P}：你好。\n记者：[{S}先生]，说说当时的情况。\n{S}说：那天下着雨。",
    "孩子小名叫{N}，是{P}从福利院抱回来的。{N}今年五岁了。",
    "有意者联系{P}，或者找{Q}也行。",
    "今天和{P}去吃火锅，[小{S}]点了一大桌。",
    "律师{P}认为合同无效。{S}提醒大家保留证据。",
    "一位姓{S}的阿姨捡到了钱包，后来才知道她叫{P}。",
    "{P}和{Q}是大学同学，[老{T}]现在在深圳工作。",
    "[{S}老师]教了我们三年，{P}老师是我见过最好的老师。",
    "骗子叫{P}，网名是{N}，大家小心。",
    "回复{P}：同意你的看法，{G}说得对。",
]
HELDOUT = [
    "寻亲帖：我叫{P}，1994年被抱养，养父[老{S}]去年去世了。",
    "受访者：{P}\n问：您当年是怎么找到孩子的？\n{S}：说来话长。",
    "{P}（化名）告诉记者，她的乳名叫{N}。",
    "群里的{P}又发红包了，[小{S}]真是大方。",
    "我们村书记姓{S}，全名{P}，人很实在。",
    "昨天见到了{Q}，{T}说{P}下个月回来。",
    "家长{P}反映，学校食堂的饭菜太贵。{S}指出这不是第一次了。",
    "{P}的外号叫{N}，从小就这么叫。",
    "请问{P}在吗？有人找。",
    "办事找{P}准没错，[{S}经理]很靠谱。",
    "{P}：我先说两句。\n主持人：好的，[{S}女士]请讲。",
    "跟{P}聊了一下午，{G}是个很有想法的人。",
]
# Written after `heldout` had been read, without running Veil on them: the next held-out split.
HELDOUT2 = [
    "【寻亲】本人{P}，女，1990年生。听养母说，我小时候大家都叫我{N}。",
    "主持人：欢迎{P}来到节目。\n{P}：谢谢。\n主持人：[{S}老师]这些年一直在做公益？\n{S}：对，快十年了。",
    "刚才{P}在群里问，有没有人认识{Q}？",
    "帮朋友转发：{P}的孩子走失了，孩子叫{N}，请大家留意。",
    "{P}被评为优秀员工，[{S}总]亲自颁的奖。",
    "房东{P}不退押金，我找了[{S}阿姨]好几次都没用。",
    "村民{P}回忆说，当年是[老{T}]把孩子送到县城的，{Q}至今没有消息。",
    "昨天和{P}、{Q}一起吃饭，[小{T}]喝多了。",
    "记者联系上了{P}。{S}坦言，自己一直在找亲生父母。",
    "我表姐{P}在医院上班，有事可以找她。",
    "{P}：大家好，我是新来的。\n{Q}：欢迎欢迎！[小{S}]是哪里人？",
    "据{P}介绍，孩子被送走时只有三个月大。",
]
# Written on 2026-12-02 (second session) after `heldout2` had been read, without running Veil on
# them: court and police reports, teachers and workmates, vocatives, @-mentions, kin terms.
HELDOUT3 = [
    "{P}同学，请到办公室来一趟，[{T}老师]找你。",
    "大家都喊他{N}，其实他真名叫{P}。",
    "[{S}姐]人特别好，上次还帮我带孩子。她全名叫{P}。",
    "被告人{P}对指控无异议。审判长问{S}是否自愿认罪。",
    "一名叫{P}的男子在车站被民警拦下。",
    "{G}，你最近还好吗？好久没联系了。——{Q}",
    "我跟{P}认识十几年了，[老{S}]这个人讲义气。",
    "感谢{P}和{Q}两位志愿者！[{S}大哥]还自掏腰包买了水。",
    "问：你是怎么认识{P}的？\n答：[{S}师傅]以前是我们厂的司机。",
    "@{P} 你家{N}的照片发我一份。",
    "{P}的妈妈说，{G}从小就爱画画。",
    "让{P}去办吧，[小{S}]做事细心。",
    "原告{P}称，被告{Q}至今未还款。{T}则表示钱已经还清。",
    "据了解，{P}（男，45岁）系当地村民。",
]
# Written later on 2026-12-02 after `heldout3` had been read, without running Veil on them: chat
# logs, hospital and police notices, kin terms, partly masked names (张某), sign-offs.
HELDOUT4 = [
    "【微信聊天】\n{P}：明天几点出发？\n我：九点。\n{S}：好的，不见不散。",
    "患者{P}，女，45岁，主治医生[{T}医生]建议住院观察。",
    "我舅舅{P}上周来了，还带了不少土特产。",
    "[{S}老师]布置的作业太多了，{P}老师您能少布置点吗？",
    "本报记者{P}报道：昨天下午，一名老人在公园晕倒。",
    "我们班的{N}今天又没来上课。",
    "@{P} 你上次说的那件事怎么样了？",
    "犯罪嫌疑人{P}（男，32岁）已被刑事拘留，[{S}某]对犯罪事实供认不讳。",
    "{P}和她丈夫{Q}一起来到派出所报案。",
    "感谢{P}、{Q}两位老师的帮助！",
    "{P}（化名）：那年我十岁。\n记者：后来呢？\n{P}：后来就被送走了。",
    "此致\n敬礼！\n{P}\n2023年5月1日",
    "听说{Q}要结婚了，新娘是{P}，[{S}小姐]人很漂亮。",
    "孩子的生父叫{P}，生母姓{T}，具体名字不清楚。",
]
# Written on 2026-12-03 after `heldout4` had been read, without running Veil on them: 寻亲 and
# 相亲 posts, obituaries, owners' groups, donation lists, wedding cards, live-streamers, nicknames
# built on a surname (周扒皮), rental disputes, a doctor and a patient, official notices.
HELDOUT5 = [
    "寻亲：1995年我在于都县被抱养，养父{P}，养母{Q}。村里人都叫养父[老{S}]，我想找到亲生父母。",
    "楼主{P}，坐标南昌，帮朋友发个帖。[{T}姐]说孩子的乳名叫{N}。",
    "业主群里[{T}阿姨]说物业经理{P}收了钱不办事，[{S}经理]电话一直打不通。",
    "讣告：{P}同志因病医治无效，于2023年3月5日逝世，享年78岁。[{S}老]一生勤勉，桃李满天下。",
    "相亲帖：本人{P}，90后，身高172，在深圳做IT。介绍人是我表姐{Q}。",
    "{P}是我大学室友，我们都叫他[{S}胖子]。毕业后{G}去了北京。",
    "主播{N}今晚八点开播，真名叫{P}，粉丝都叫她[{S}姐]。",
    "转账记录显示，{P}分三次向{Q}汇款共计12万元。[{T}某]辩称系借款。",
    "我们车间主任{P}特别抠门，大家背地里叫他[{S}扒皮]。",
    "租房纠纷：房东{P}不退押金，中介[小{T}]也不接电话。",
    "婚礼请柬：新郎{P}、新娘{Q}敬邀您参加我们的婚礼。",
    "捐款名单：{P} 500元，{Q} 300元，[{T}女士]另捐衣物两箱。",
    "问：你还记得[{S}阿姨]吗？\n答：记得，{P}阿姨是福利院的保育员，对我们很好。",
    "班主任[{T}老师]在家长群里说：请{P}同学的家长放学后留一下。",
    "{P}，你妈喊你回家吃饭！",
    "昨天在菜市场碰到[老{S}]两口子，说女儿{N}考上了大学。",
    "网友“{N}”爆料称，其前男友{P}多次上门骚扰。",
    "医生：[{S}大爷]，您哪里不舒服？\n{P}：胸口闷，喘不上气。",
    "你好，我是快递员[小{S}]，你的包裹放在门卫了。",
    "关于{P}同志任职的通知：经研究决定，任命{P}为办公室主任。",
]
NICKNAMES = ["丫丫", "豆豆", "乐乐", "贝贝", "琪琪", "天天", "小宝", "阿亮", "毛毛", "糖糖", "果果", "妞妞", "追风少年", "风中的小草", "大头", "胖虎"]


def render(frame, people, nickname):
    """The text of a frame and its PERSON spans."""
    (full, surname, given), (other, other_surname, _) = people
    # A one-character given name is seldom written alone (伟 of 朱伟): the full name stands there.
    values = {"P": full, "S": surname, "G": given if len(given) >= 2 else full, "N": nickname, "Q": other, "T": other_surname}
    return frames.render(frame, values, spanned=values.keys())


def person(fake):
    while True:
        name = fake.name()
        surname = fake.last_name()
        if name.startswith(surname) and len(name) > len(surname):
            return name, surname, name[len(surname):]
        # Faker's name() draws its own surname: split it by the surnames Faker knows.
        for length in (2, 1):
            if len(name) > length and name[:length] in SURNAMES:
                return name, name[:length], name[length:]


SURNAMES = set()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=600)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    fake = Faker("zh_CN")
    SURNAMES.update(fake.provider("faker.providers.person").last_names.keys()
                    if isinstance(fake.provider("faker.providers.person").last_names, dict)
                    else fake.provider("faker.providers.person").last_names)
    for split, written, seed in (("dev", DEV, args.seed), ("heldout", HELDOUT, args.seed + 1), ("heldout2", HELDOUT2, args.seed + 2),
                                ("heldout3", HELDOUT3, args.seed + 3), ("heldout4", HELDOUT4, args.seed + 4),
                                ("heldout5", HELDOUT5, args.seed + 5)):
        fake.seed_instance(seed)
        rng = random.Random(seed)
        with open(os.path.join(args.out, f"{split}.jsonl"), "w", encoding="utf-8") as out:
            for number in range(args.count):
                first, second = person(fake), person(fake)
                while second[1] == first[1]:
                    second = person(fake)
                text, spans = render(rng.choice(written), (first, second), rng.choice(NICKNAMES))
                record = {"id": f"{split}:{number}", "text": text,
                          "spans": [{"start": s, "end": e, "entity": "PERSON"} for s, e in spans]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
